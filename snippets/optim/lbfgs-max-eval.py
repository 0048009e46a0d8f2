import torch


def rosenbrock(w):
    return (1 - w[0]) ** 2 + 100 * (w[1] - w[0] ** 2) ** 2


def minimise(**options):
    w = torch.tensor([-1.5, 2.0], dtype=torch.float64, requires_grad=True)
    # One iteration per step(); max_eval defaults to max_iter * 5 // 4 = 1
    optimizer = torch.optim.LBFGS([w], max_iter=1, line_search_fn="strong_wolfe", **options)

    def closure():
        optimizer.zero_grad()
        loss = rosenbrock(w)
        loss.backward()
        return loss

    for _ in range(40):
        optimizer.step(closure)
    return optimizer.defaults["max_eval"], w.detach().numpy().round(4)


for options in ({}, {"max_eval": 25}):
    max_eval, w = minimise(**options)
    print(f"max_eval={max_eval:2d}: w = {w}")
