import torch


def first_step(optimizer_class, gradient, **options):
    """How far one step moves a parameter whose gradient is ``gradient``."""
    w = torch.zeros(1, requires_grad=True)
    optimizer = optimizer_class([w], **options)
    w.grad = torch.tensor([gradient])
    optimizer.step()
    return -w.item()


optimizers = [torch.optim.SGD, torch.optim.Adagrad, torch.optim.RMSprop, torch.optim.Adam]
print(f"{'gradient':>9}" + "".join(f"{cls.__name__:>10}" for cls in optimizers))
for gradient in (100.0, 1.0, 1e-4, 1e-8):
    steps = [first_step(cls, gradient, lr=0.01) for cls in optimizers]
    print(f"{gradient:>9g}" + "".join(f"{step:>10.3g}" for step in steps))
# All with lr=0.01: SGD moves lr * g; the adaptive methods move about lr (RMSprop 10 lr)
# for any gradient, until the gradient is as small as eps
