import torch
from torch import nn

x = torch.tensor([[[1.0, 2.0, 3.0, 4.0]]])  # (N, C, W)

pad = nn.ReplicationPad1d((3, 2))
print(pad(x))  # the edge element is repeated

# Unlike reflection, the pad may exceed the size of the dimension
print(tuple(nn.ReplicationPad1d(6)(x).shape))
