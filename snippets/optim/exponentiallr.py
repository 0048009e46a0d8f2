import torch
from torch.optim.lr_scheduler import ExponentialLR

param = torch.zeros(1, requires_grad=True)
optimizer = torch.optim.SGD([param], lr=0.1)
scheduler = ExponentialLR(optimizer, gamma=0.8)

lrs = []
for _ in range(6):
    lrs.append(round(scheduler.get_last_lr()[0], 5))
    optimizer.step()  # after loss.backward() in real training
    scheduler.step()

print("torch      :", lrs)
print("closed form:", [round(0.1 * 0.8**t, 5) for t in range(6)])
