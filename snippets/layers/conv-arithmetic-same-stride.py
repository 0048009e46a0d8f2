import torch
from torch import nn

x = torch.zeros(1, 1, 32, 32)

# padding = k // 2 keeps the size only for odd k: an even kernel adds one
print("k=4, padding=2:", tuple(nn.Conv2d(1, 1, 4, padding=2)(x).shape[2:]))

# padding="same" pads unevenly instead (1 before, 2 after) ...
print("k=4, 'same':   ", tuple(nn.Conv2d(1, 1, 4, padding="same")(x).shape[2:]))

# ... but refuses strides: use padding=(k - 1) // 2 and accept ceil(L / s)
try:
    nn.Conv2d(1, 1, 3, stride=2, padding="same")
except ValueError as error:
    print("ValueError:", error)
print("k=3, s=2, padding=1:", tuple(nn.Conv2d(1, 1, 3, stride=2, padding=1)(x).shape[2:]))
