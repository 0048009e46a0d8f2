import torch
from torch.optim.lr_scheduler import ConstantLR, LinearLR

optimizer = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1)
print("lr before:", optimizer.param_groups[0]["lr"])
warmup = LinearLR(optimizer)  # defaults: start_factor=1/3 -> lr 0.0333
print("after LinearLR(optimizer):", round(optimizer.param_groups[0]["lr"], 5))
hold = ConstantLR(optimizer)  # defaults: factor=1/3 -> multiplies again
print("after ConstantLR(optimizer):", round(optimizer.param_groups[0]["lr"], 5))
print("base_lrs of both:", warmup.base_lrs, hold.base_lrs)
