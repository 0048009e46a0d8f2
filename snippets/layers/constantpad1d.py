import torch
from torch import nn

x = torch.tensor([[1.0, 2.0, 3.0]])  # (C, W): an unbatched input also works

pad = nn.ConstantPad1d((1, 2), value=-1.0)  # value has no default
print(pad(x))
print(pad)

# ZeroPad1d is ConstantPad1d with value 0
print(torch.equal(nn.ConstantPad1d(2, 0.0)(x), nn.ZeroPad1d(2)(x)))
