import warnings

import torch
from torch import nn

prediction = torch.tensor([[1.0], [2.0], [3.0]])  # model output: shape (3, 1)
target = torch.tensor([1.0, 2.0, 3.0])  # labels: shape (3,)

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # torch warns here; the result is still silently wrong
    wrong = nn.MSELoss()(prediction, target)  # broadcasts to (3, 3): compares every pair
print("wrong:", wrong)

right = nn.MSELoss()(prediction.squeeze(1), target)  # shapes (3,) and (3,)
print("right:", right)
