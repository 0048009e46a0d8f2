import torch

# The same problem, min (w - 1)^2, with the loss multiplied by 1 or by 1000.
for name in ("RAdam", "Adam"):
    for scale in (1.0, 1000.0):
        w = torch.zeros(1, requires_grad=True)
        optimizer = getattr(torch.optim, name)([w], lr=0.01)
        path = []
        for _ in range(6):
            optimizer.zero_grad()
            (scale * (w - 1) ** 2).sum().backward()
            optimizer.step()
            path.append(round(w.item(), 3))
        print(f"{name:5} loss x {scale:6g}: w after steps 1..6 = {path}")
