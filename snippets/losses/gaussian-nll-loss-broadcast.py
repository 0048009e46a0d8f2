import warnings

import torch
from torch import nn

mean = torch.tensor([[1.0], [2.0], [3.0]])  # model output: shape (3, 1)
var = torch.ones(3, 1)
target = torch.tensor([1.0, 2.0, 3.0])  # labels: shape (3,)

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    elementwise = nn.GaussianNLLLoss(reduction="none")(mean, target, var)
print("elementwise shape:", tuple(elementwise.shape), "| warnings:", len(caught))
print("wrong:", elementwise.mean())  # every mean compared with every target
print("right:", nn.GaussianNLLLoss()(mean.squeeze(1), target, var.squeeze(1)))
