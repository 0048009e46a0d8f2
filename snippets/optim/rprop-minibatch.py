import torch

# Hinton's example: one weight gets the gradient +0.1 on nine minibatches and -0.9 on the
# tenth. The gradients of an epoch sum to zero, so the weight should stay where it is.
gradients = [0.1] * 9 + [-0.9]
optimizers = {
    "SGD": lambda params: torch.optim.SGD(params, lr=0.01),
    "RMSprop": lambda params: torch.optim.RMSprop(params, lr=0.01),
    "Rprop": lambda params: torch.optim.Rprop(params, lr=0.01),
}
for name, make in optimizers.items():
    w = torch.zeros(1, requires_grad=True)
    optimizer = make([w])
    for _ in range(10):
        for g in gradients:
            optimizer.zero_grad()
            (g * w).sum().backward()  # dL/dw = g
            optimizer.step()
    print(f"{name:8s} w after 10 epochs: {round(w.item(), 3) + 0.0}")
