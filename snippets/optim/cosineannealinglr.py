import math

import torch

w = torch.zeros(2, requires_grad=True)
optimizer = torch.optim.SGD([w], lr=0.1)
scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=4, eta_min=0.01)

for epoch in range(5):
    lr = scheduler.get_last_lr()[0]  # the lr this epoch trains with
    closed_form = 0.01 + (0.1 - 0.01) * (1 + math.cos(math.pi * epoch / 4)) / 2
    print(f"epoch {epoch}  lr {lr:.4f}  closed form {closed_form:.4f}")
    # ... train one epoch: optimizer.zero_grad(), loss.backward(), optimizer.step() ...
    optimizer.step()
    scheduler.step()  # once per epoch, after optimizer.step()
