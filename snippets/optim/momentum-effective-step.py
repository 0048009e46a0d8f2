import torch

# A constant gradient (loss = w): how far does each step move w?
for momentum, dampening in ((0.9, 0.0), (0.9, 0.5)):
    w = torch.zeros(1, requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=0.01, momentum=momentum, dampening=dampening)
    steps = []
    for _ in range(60):
        before = w.item()
        optimizer.zero_grad()
        w.sum().backward()
        optimizer.step()
        steps.append(before - w.item())
    shown = ", ".join(f"{steps[t - 1]:.4f}" for t in (1, 2, 3, 10, 60))
    limit = 0.01 * (1 - dampening) / (1 - momentum)
    print(f"momentum {momentum}, dampening {dampening}: steps 1,2,3,10,60 = {shown} -> {limit:.3f}")
