import warnings

import torch
from torch import nn

prediction = torch.tensor([[1.0], [2.0], [3.0]])  # model output: shape (3, 1)
target = torch.tensor([1.0, 2.0, 3.0])  # labels: shape (3,)

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    elementwise = nn.L1Loss(reduction="none")(prediction, target)  # broadcasts to (3, 3)
    wrong = nn.L1Loss()(prediction, target)
print("elementwise shape:", tuple(elementwise.shape), "| warning:", caught[0].category.__name__)
print("wrong:", wrong)  # the mean of |i - j| over every pair
print("right:", nn.L1Loss()(prediction.squeeze(1), target))
