import torch
from torch import nn

x = torch.tensor([[[1.0, 2.0, 3.0, 4.0]]])  # (N, C, W)

pad = nn.ReflectionPad1d((3, 2))
print(pad(x))  # mirror about the edge element, which is NOT repeated

# Each pad must be smaller than the size of the dimension
try:
    nn.ReflectionPad1d(4)(x)
except RuntimeError as error:
    print("RuntimeError:", str(error).split(",")[0])
