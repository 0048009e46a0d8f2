import torch
from torch.optim.lr_scheduler import LambdaLR, MultiplicativeLR

param = torch.zeros(1, requires_grad=True)


def run(make, steps=6):
    optimizer = torch.optim.SGD([param], lr=0.1)
    scheduler = make(optimizer)
    lrs = []
    for _ in range(steps):
        lrs.append(round(scheduler.get_last_lr()[0], 6))
        optimizer.step()
        scheduler.step()
    return lrs


# lr_t = lr_(t-1) * lambda(t): the lambda returns the factor of one step
print("MultiplicativeLR:", run(lambda o: MultiplicativeLR(o, lr_lambda=lambda t: 0.9)))
# LambdaLR returns the total multiplier, so the same schedule needs 0.9 ** t
print("LambdaLR        :", run(lambda o: LambdaLR(o, lr_lambda=lambda t: 0.9**t)))
# lambda(0) is never applied: the first rate is the optimizer's own
print(
    "factor 0 at t=0 :",
    run(lambda o: MultiplicativeLR(o, lr_lambda=lambda t: 0.0 if t == 0 else 0.5)),
)
