import torch
from torch import nn

layer = nn.Linear(3, 2)
features_first = torch.randn(3, 4)  # 3 features x 4 examples: the wrong way round

try:
    layer(features_first)
except RuntimeError as error:
    print("RuntimeError:", error)

print(tuple(layer(features_first.T).shape))  # examples first: (4, 3) -> (4, 2)
