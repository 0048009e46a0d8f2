import torch
from torch import nn

torch.manual_seed(0)
features = torch.randn(8, 512, 7, 7)
pooled = nn.AdaptiveAvgPool2d(1)(features)
print("pooled", tuple(pooled.shape))  # (8, 512, 1, 1): torch keeps the pooled axes

classifier = nn.Linear(512, 10)
try:
    classifier(pooled)
except RuntimeError as error:
    print("RuntimeError:", error)

head = nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(512, 10))
print("with Flatten", tuple(head(features).shape))
