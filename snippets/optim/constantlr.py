import torch
from torch.optim.lr_scheduler import ConstantLR

param = torch.zeros(1, requires_grad=True)
optimizer = torch.optim.SGD([param], lr=0.1)
scheduler = ConstantLR(optimizer)  # factor=1/3, total_iters=5

lrs = []
for _ in range(7):
    lrs.append(round(scheduler.get_last_lr()[0], 5))
    optimizer.step()  # after loss.backward() in real training
    scheduler.step()

print("torch      :", lrs)
print("closed form:", [round(0.1 * (1 / 3 if t < 5 else 1), 5) for t in range(7)])
