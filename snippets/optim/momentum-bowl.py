import torch

# Steps until f(w) = 0.1 w1^2 + 2 w2^2 falls below 1e-6 from w = (-4, 2)
runs = {
    "lr 0.05": dict(lr=0.05),
    "lr 0.05, momentum 0.9": dict(lr=0.05, momentum=0.9),
    "lr 0.05, momentum 0.9, nesterov": dict(lr=0.05, momentum=0.9, nesterov=True),
    "lr 0.476 (best without momentum)": dict(lr=2 / 4.2),
    "lr 0.668, momentum 0.403 (Polyak's best)": dict(lr=0.668, momentum=0.403),
}
for name, options in runs.items():
    w = torch.tensor([-4.0, 2.0], dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.SGD([w], **options)
    steps = 0
    while 0.1 * w[0] ** 2 + 2 * w[1] ** 2 >= 1e-6:
        optimizer.zero_grad()
        (0.1 * w[0] ** 2 + 2 * w[1] ** 2).backward()
        optimizer.step()
        steps += 1
    print(f"{name:42s} {steps:4d} steps")
