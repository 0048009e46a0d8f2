from bisect import bisect_right

import torch
from torch.optim.lr_scheduler import MultiStepLR

param = torch.zeros(1, requires_grad=True)
optimizer = torch.optim.SGD([param], lr=0.1)
scheduler = MultiStepLR(optimizer, milestones=[2, 5], gamma=0.1)

lrs = []
for _ in range(7):
    lrs.append(round(scheduler.get_last_lr()[0], 5))
    optimizer.step()  # after loss.backward() in real training
    scheduler.step()

print("torch      :", lrs)
print("closed form:", [round(0.1 * 0.1 ** bisect_right([2, 5], t), 5) for t in range(7)])
