import torch
from torch import nn

features = nn.Sequential(
    nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Flatten(),
)  # fmt: skip
x = torch.zeros(2, 1, 8, 8)
wrong = nn.Sequential(features, nn.Linear(32 * 8 * 8, 10))  # forgot the two poolings
try:
    wrong(x)
except RuntimeError as error:
    print("RuntimeError:", error)

# Compute in_features from a dummy forward pass instead of by hand
in_features = features(x).shape[1]
right = nn.Sequential(features, nn.Linear(in_features, 10))
print(in_features, tuple(right(x).shape))
