import math

import torch
from torch.optim.lr_scheduler import CosineAnnealingLR, LambdaLR, LinearLR, SequentialLR

warmup, total = 10, 100  # steps (here: optimizer updates, stepped once per batch)
param = torch.zeros(1, requires_grad=True)

optimizer = torch.optim.SGD([param], lr=0.1)
scheduler = SequentialLR(
    optimizer,
    schedulers=[
        LinearLR(optimizer, start_factor=0.01, total_iters=warmup),  # 0.001 -> 0.1
        CosineAnnealingLR(optimizer, T_max=total - warmup),  # 0.1 -> 0
    ],
    milestones=[warmup],
)


def factor(t):  # the same schedule as one multiplier of the base rate
    if t < warmup:
        return 0.01 + 0.99 * t / warmup
    return 0.5 * (1 + math.cos(math.pi * (t - warmup) / (total - warmup)))


optimizer2 = torch.optim.SGD([param], lr=0.1)
single = LambdaLR(optimizer2, lr_lambda=factor)

a, b = [], []
for _ in range(total):
    a.append(scheduler.get_last_lr()[0])
    b.append(single.get_last_lr()[0])
    optimizer.step()
    scheduler.step()
    optimizer2.step()
    single.step()

for t in (0, 1, 5, 9, 10, 11, 55, 99):
    print(f"t={t:2d}  lr={a[t]:.5f}")
print("SequentialLR == LambdaLR at every step:", torch.allclose(torch.tensor(a), torch.tensor(b)))
