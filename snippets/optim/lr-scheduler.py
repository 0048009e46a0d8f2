import torch
from torch.optim.lr_scheduler import ExponentialLR, LRScheduler


class InverseTimeLR(LRScheduler):
    """lr_t = base_lr / (1 + k t), written in chainable (recursive) form."""

    def __init__(self, optimizer, k, last_epoch=-1):
        self.k = k  # set attributes before super().__init__: it already calls get_lr()
        super().__init__(optimizer, last_epoch)

    def get_lr(self):
        t = self.last_epoch
        if t == 0:  # called by the constructor: keep the current rate
            return [group["lr"] for group in self.optimizer.param_groups]
        ratio = (1 + self.k * (t - 1)) / (1 + self.k * t)  # lr_t / lr_(t-1)
        return [group["lr"] * ratio for group in self.optimizer.param_groups]


def run(scheduler, steps=6):
    lrs = []
    for _ in range(steps):
        lrs.append(round(scheduler.get_last_lr()[0], 5))
        scheduler.optimizer.step()
        scheduler.step()
    return lrs


param = torch.zeros(1, requires_grad=True)
scheduler = InverseTimeLR(torch.optim.SGD([param], lr=0.1), k=0.5)
print("InverseTimeLR:", run(scheduler))
print("closed form  :", [round(0.1 / (1 + 0.5 * t), 5) for t in range(6)])

# Chainable: it multiplies the current rate, so it composes with other schedulers.
optimizer = torch.optim.SGD([param], lr=0.1)
both = torch.optim.lr_scheduler.ChainedScheduler(
    [InverseTimeLR(optimizer, k=0.5), ExponentialLR(optimizer, gamma=0.9)]
)
print("with ExponentialLR(gamma=0.9):", run(both))
print("closed form                  :", [round(0.1 / (1 + 0.5 * t) * 0.9**t, 5) for t in range(6)])
