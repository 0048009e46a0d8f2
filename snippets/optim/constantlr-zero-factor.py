import torch
from torch.optim.lr_scheduler import ConstantLR

optimizer = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1)
scheduler = ConstantLR(optimizer, factor=0.0, total_iters=3)  # "freeze for 3 epochs": accepted
try:
    for epoch in range(5):
        print(epoch, scheduler.get_last_lr()[0])
        optimizer.step()
        scheduler.step()
except ZeroDivisionError as error:
    print("ZeroDivisionError:", error)  # the recursive form divides by factor at total_iters
