import torch
from torch import nn

torch.manual_seed(0)

drop = nn.Dropout1d(p=0.5)
x = torch.ones(2, 4, 5)  # (N, C, L): 2 sequences, 4 channels, 5 steps
y = drop(x)
print(tuple(y.shape))

# Each channel of each sample is either zero at every step or scaled by 2 at every step
print(y[:, :, 0])
print("constant along L:", torch.equal(y, y[:, :, :1].expand_as(y)))
