import math

import torch
from torch import nn

torch.manual_seed(0)
mean = torch.randn(4, 3)  # predicted means: 4 examples, 3 outputs each
target = torch.randn(4, 3)
var = torch.rand(4, 3) + 0.1  # one predicted variance per output (heteroscedastic)
loss_fn = nn.GaussianNLLLoss(reduction="none")

loss = loss_fn(mean, target, var)
formula = 0.5 * (var.log() + (mean - target) ** 2 / var)
print("var (4, 3):", tuple(loss.shape), "formula:", torch.allclose(loss, formula))
print("var (4, 1):", tuple(loss_fn(mean, target, torch.ones(4, 1)).shape))  # one per example
print("var (4,):  ", tuple(loss_fn(mean, target, torch.ones(4)).shape))  # last dim dropped
print("var 1.0:   ", tuple(loss_fn(mean, target, 1.0).shape))  # a Python float

half_mse = nn.MSELoss()(mean, target) / 2
print("var = 1 gives MSE / 2:", torch.allclose(nn.GaussianNLLLoss()(mean, target, 1.0), half_mse))
constant = nn.GaussianNLLLoss(full=True)(mean, target, var) - nn.GaussianNLLLoss()(
    mean, target, var
)
print("full adds 0.5 log(2 pi):", round(constant.item(), 4), round(0.5 * math.log(2 * math.pi), 4))
