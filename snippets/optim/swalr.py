import math

import torch
from torch.optim.swa_utils import SWALR

w = torch.zeros(1, requires_grad=True)
optimizer = torch.optim.SGD([w], lr=0.5)
scheduler = SWALR(optimizer, swa_lr=0.05, anneal_epochs=4, anneal_strategy="cos")

for epoch in range(6):
    lr = optimizer.param_groups[0]["lr"]
    alpha = (1 - math.cos(math.pi * min(1, epoch / 4))) / 2  # 0 -> 1 over anneal_epochs
    formula = (1 - alpha) * 0.5 + alpha * 0.05
    print(f"epoch {epoch}  lr {lr:.4f}  formula {formula:.4f}")
    optimizer.step()
    scheduler.step()
