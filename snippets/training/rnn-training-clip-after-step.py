import copy

import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(3, 1)
twin = copy.deepcopy(model)
x, y = torch.randn(8, 3), 100 * torch.randn(8, 1)  # huge targets: huge gradients

for m, clip_first in [(model, True), (twin, False)]:
    optimizer = torch.optim.SGD(m.parameters(), lr=0.1)
    old = m.weight.detach().clone()
    optimizer.zero_grad()
    nn.functional.mse_loss(m(x), y).backward()
    if clip_first:
        nn.utils.clip_grad_norm_(m.parameters(), max_norm=1.0)
        optimizer.step()
    else:
        optimizer.step()  # wrong order: the update used the unclipped gradient
        nn.utils.clip_grad_norm_(m.parameters(), max_norm=1.0)
    label = "clip, then step" if clip_first else "step, then clip"
    print(f"{label}: size of the weight update {(m.weight - old).norm().item():.3f}")
