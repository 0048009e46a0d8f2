import torch

# A gradient that never changes (no noise): the centered variance estimate tends to 0
for centered in (False, True):
    w = torch.zeros(1, requires_grad=True)
    optimizer = torch.optim.RMSprop([w], lr=0.01, centered=centered)
    sizes = []
    for step in range(1, 2001):
        before = w.item()
        w.grad = torch.ones(1)
        optimizer.step()
        if step in (1, 100, 1000, 2000):
            sizes.append(round(before - w.item(), 4))
    print(f"centered={centered!s:5}  step size at t = 1, 100, 1000, 2000: {sizes}")
