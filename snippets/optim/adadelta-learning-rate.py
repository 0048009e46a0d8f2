import torch


def distance_after(steps, **options):
    """Distance to the minimum of the bowl 0.1 w1^2 + 2 w2^2 after some Adadelta steps."""
    w = torch.tensor([-4.0, 2.0], requires_grad=True)
    optimizer = torch.optim.Adadelta([w], **options)
    for _ in range(steps):
        optimizer.zero_grad()
        (0.1 * w[0] ** 2 + 2 * w[1] ** 2).backward()
        optimizer.step()
    return round(w.norm().item(), 3)


print("start:                          ", round(torch.tensor([-4.0, 2.0]).norm().item(), 3))
print("lr=1.0 (torch default):         ", distance_after(500))
print("lr=0.001 (copied from Keras):   ", distance_after(500, lr=0.001))
print("lr=1.0, eps=1e-4:               ", distance_after(500, eps=1e-4))
