import torch
from torch.optim.lr_scheduler import ChainedScheduler, ConstantLR, ExponentialLR

param = torch.zeros(1, requires_grad=True)
optimizer = torch.optim.SGD([param], lr=0.1)
scheduler = ChainedScheduler(
    [ConstantLR(optimizer, factor=0.5, total_iters=3), ExponentialLR(optimizer, gamma=0.9)]
)

lrs = []
for _ in range(6):
    lrs.append(round(scheduler.get_last_lr()[0], 5))
    optimizer.step()
    scheduler.step()  # steps both schedulers

print("chained :", lrs)
# Both act at every step: lr_t = 0.1 * (0.5 if t < 3 else 1) * 0.9 ** t
print("product :", [round(0.1 * (0.5 if t < 3 else 1) * 0.9**t, 5) for t in range(6)])
