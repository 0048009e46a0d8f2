import torch
from torch import nn

torch.manual_seed(0)

# kernel 4, stride 2, padding 1: the usual "double the length" upsampling layer
layer = nn.ConvTranspose1d(in_channels=4, out_channels=2, kernel_size=4, stride=2, padding=1)
print("weight", tuple(layer.weight.shape))  # (in_channels, out_channels, k): in first!

x = torch.randn(3, 4, 10)
y = layer(x)
print("output", tuple(y.shape))  # (10 - 1) * 2 - 2 * 1 + (4 - 1) + 1 = 20

# Each input position t adds x[:, t] * weight to the output window starting at 2t - 1
single = torch.zeros(1, 4, 10)
single[0, :, 3] = x[0, :, 3]
footprint = (layer(single) - layer.bias[:, None])[0]
manual = torch.einsum("i,iok->ok", x[0, :, 3], layer.weight)
print("nonzero positions:", footprint.abs().sum(0).nonzero().flatten().tolist())
print("scatter by hand:", torch.allclose(footprint[:, 5:9], manual, atol=1e-6))
