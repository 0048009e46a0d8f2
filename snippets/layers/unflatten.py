import torch
from torch import nn

x = torch.randn(8, 60)
unflatten = nn.Unflatten(dim=1, unflattened_size=(3, 4, 5))
print(tuple(unflatten(x).shape))
print(tuple(nn.Unflatten(1, (3, -1))(x).shape))  # one size may be -1 (inferred)

# Unflatten undoes Flatten exactly
images = torch.randn(8, 3, 4, 5)
restored = unflatten(nn.Flatten()(images))
print("round trip:", torch.equal(restored, images))

try:
    nn.Unflatten(1, (7, -1))(x)
except RuntimeError as error:
    print("RuntimeError:", error)
