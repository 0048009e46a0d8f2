import torch
from torch.optim.lr_scheduler import StepLR

param = torch.zeros(1, requires_grad=True)
optimizer = torch.optim.SGD([param], lr=0.1)
scheduler = StepLR(optimizer, step_size=3, gamma=0.5)

lrs = []
for _ in range(8):
    lrs.append(round(scheduler.get_last_lr()[0], 5))
    optimizer.step()  # after loss.backward() in real training
    scheduler.step()

print("torch      :", lrs)
print("closed form:", [round(0.1 * 0.5 ** (t // 3), 5) for t in range(8)])
