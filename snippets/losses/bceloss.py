import torch
from torch import nn

probabilities = torch.tensor([0.9, 0.2, 0.6, 0.5])  # after a sigmoid
labels = torch.tensor([1.0, 0.0, 0.0, 1.0])  # float targets in [0, 1]

loss = nn.BCELoss()(probabilities, labels)
manual = -(labels * probabilities.log() + (1 - labels) * (1 - probabilities).log()).mean()
print("BCE:", loss, torch.allclose(loss, manual))

# weight rescales each element (it is not a class weight); the mean still divides by 4
weight = torch.tensor([1.0, 1.0, 3.0, 1.0])
print("weighted:", nn.BCELoss(weight=weight)(probabilities, labels))

# log is clamped to >= -100: a confident wrong answer costs 100, not infinity
print("clamped:", nn.BCELoss(reduction="none")(torch.tensor([0.0, 1.0]), torch.tensor([1.0, 0.0])))
