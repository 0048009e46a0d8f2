import warnings

import torch
from torch import nn

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # torch only warns that size_average is deprecated
    smooth = nn.SmoothL1Loss(0.5)  # 0.5 lands in size_average, not in beta
print("SmoothL1Loss(0.5): beta =", smooth.beta, "reduction =", smooth.reduction)

huber = nn.HuberLoss(0.5)  # 0.5 lands in reduction, not in delta
try:
    huber(torch.zeros(2), torch.ones(2))
except ValueError as error:
    print("HuberLoss(0.5):", error)

print("keywords:", nn.SmoothL1Loss(beta=0.5).beta, nn.HuberLoss(delta=0.5).delta)
