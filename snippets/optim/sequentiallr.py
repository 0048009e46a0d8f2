import torch
from torch.optim.lr_scheduler import ConstantLR, ExponentialLR, SequentialLR

param = torch.zeros(1, requires_grad=True)
optimizer = torch.optim.SGD([param], lr=0.1)
first = ConstantLR(optimizer, factor=0.1, total_iters=100)  # 0.01 while it runs
second = ExponentialLR(optimizer, gamma=0.9)
scheduler = SequentialLR(optimizer, schedulers=[first, second], milestones=[3])

for t in range(7):
    lr = scheduler.get_last_lr()[0]
    print(f"t={t}  lr={lr:.5f}  last_epoch of the two: {first.last_epoch}, {second.last_epoch}")
    optimizer.step()
    scheduler.step()
