import torch
from torch import nn

torch.manual_seed(0)

drop = nn.Dropout2d(p=0.5)
x = torch.ones(2, 4, 3, 3)  # (N, C, H, W)
y = drop(x)
print(tuple(y.shape))

# One decision per (sample, channel): whole 3 x 3 maps are zeroed or doubled
per_channel = y.flatten(2)  # (N, C, H*W)
print(per_channel[:, :, 0])
print("whole maps:", torch.equal(per_channel, per_channel[:, :, :1].expand_as(per_channel)))
