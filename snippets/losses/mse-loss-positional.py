import warnings

import torch
import torch.nn.functional as F
from torch import nn

prediction = torch.tensor([1.0, 2.0, 3.0])
target = torch.zeros(3)  # squared errors 1, 4, 9

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # torch only warns that size_average is deprecated
    module = nn.MSELoss("sum")  # "sum" lands in size_average, not in reduction
    function = F.mse_loss(prediction, target, "sum")  # the same for the function
print("nn.MSELoss('sum'):", module.reduction, module(prediction, target))
print("F.mse_loss(x, y, 'sum'):", function)
print("reduction='sum':", F.mse_loss(prediction, target, reduction="sum"))
