import math

import torch
from torch import nn

torch.manual_seed(0)
features = torch.randn(4, 3)  # a batch of 4 examples with 3 features

# Regression: one real number per example; linear output, MSELoss
regressor = nn.Linear(3, 1)
price = torch.tensor([[1.0], [0.5], [-0.2], [2.0]])  # (N, 1) float, like the output
loss = nn.MSELoss()(regressor(features), price)  # (input, target): prediction first
loss.backward()
print("MSELoss:", tuple(loss.shape), round(loss.item(), 4))
print("weight gradient:", tuple(regressor.weight.grad.shape))

# Classification into 3 classes: raw scores (logits) and class indices; CrossEntropyLoss
classifier = nn.Linear(3, 3)
labels = torch.tensor([0, 2, 1, 2])  # (N,) int64
loss = nn.CrossEntropyLoss()(classifier(features), labels)
print("CrossEntropyLoss:", round(loss.item(), 4), "| log(3) =", round(math.log(3), 4))

# Multi-label: one logit per label, float 0/1 targets of the same shape; BCEWithLogitsLoss
tagger = nn.Linear(3, 5)
tags = torch.tensor([[1, 0, 0, 1, 0], [0, 0, 0, 0, 1], [1, 1, 0, 0, 0], [0, 0, 1, 0, 0]])
loss = nn.BCEWithLogitsLoss()(tagger(features), tags.float())
print("BCEWithLogitsLoss:", round(loss.item(), 4), "| log(2) =", round(math.log(2), 4))
