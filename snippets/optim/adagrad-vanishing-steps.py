import torch

# The same gradient (1.0) on every step: how far does each optimizer move per step?
optimizers = {
    "Adagrad": lambda params: torch.optim.Adagrad(params, lr=0.1),
    "RMSprop": lambda params: torch.optim.RMSprop(params, lr=0.01),
}
for name, make in optimizers.items():
    w = torch.zeros(1, requires_grad=True)
    optimizer = make([w])
    sizes = {}
    for step in range(1, 1001):
        before = w.item()
        w.grad = torch.ones(1)
        optimizer.step()
        if step in (1, 10, 100, 1000):
            sizes[step] = round(before - w.item(), 4)
    print(f"{name:8s} step size at t = 1, 10, 100, 1000:", list(sizes.values()))
# Adagrad's sum only grows: its steps shrink like lr / sqrt(t) and never recover
