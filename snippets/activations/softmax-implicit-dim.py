import warnings

import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(2, 5, 3)  # (batch, sequence, classes): the classes are the last axis

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    wrong = nn.Softmax()(x)  # no dim: the legacy rule picks dim 0 for a 3-D input
print("warning:", caught[0].message)
print("sums over the batch axis:", wrong.sum(dim=0)[0])
print("sums over the class axis:", wrong.sum(dim=-1)[0].round(decimals=3))

right = nn.Softmax(dim=-1)(x)
print("with dim=-1, class sums:", right.sum(dim=-1)[0])

scores = torch.randn(4, 3)  # (N, C): dim=0 would mix the examples of the batch
print("dim=0 on (N, C), row sums:", torch.softmax(scores, dim=0).sum(dim=1).round(decimals=3))
