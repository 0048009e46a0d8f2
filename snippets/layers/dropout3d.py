import torch
from torch import nn

torch.manual_seed(0)

drop = nn.Dropout3d(p=0.5)
x = torch.ones(2, 3, 2, 4, 4)  # (N, C, D, H, W), e.g. short video clips
y = drop(x)
print(tuple(y.shape))

# A dropped channel is zero over its whole D x H x W volume
print("kept per (sample, channel):")
print((y.flatten(2) != 0).all(dim=2).int())
print("zero volumes:", int((y.flatten(2) == 0).all(dim=2).sum()))

# An unbatched (C, D, H, W) input works too
print(tuple(drop(torch.ones(3, 2, 4, 4)).shape))
