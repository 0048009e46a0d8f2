import torch
from torch.optim.lr_scheduler import LinearLR

param = torch.zeros(1, requires_grad=True)
optimizer = torch.optim.SGD([param], lr=0.1)
scheduler = LinearLR(optimizer)  # start_factor=1/3, end_factor=1.0, total_iters=5

lrs = []
for _ in range(7):
    lrs.append(round(scheduler.get_last_lr()[0], 5))
    optimizer.step()  # after loss.backward() in real training
    scheduler.step()

print("torch      :", lrs)
print("closed form:", [round(0.1 * (1 / 3 + (1 - 1 / 3) * min(t, 5) / 5), 5) for t in range(7)])
