import torch
from torch import nn

from nnref.layers.linear_family import LazyLinear, bilinear, bilinear_init, identity

torch.manual_seed(0)
weight, bias = bilinear_init(in1_features=3, in2_features=4, out_features=2)
torch.manual_seed(0)
layer = nn.Bilinear(3, 4, 2)  # the same draws from the same seed
print("Bilinear same init:", torch.equal(weight, layer.weight), torch.equal(bias, layer.bias))

x1, x2 = torch.randn(5, 3), torch.randn(5, 4)
ours = bilinear(x1, x2, weight, bias)
print(tuple(ours.shape), "equal to nn.Bilinear:", torch.allclose(ours, layer(x1, x2), atol=1e-6))

x = torch.randn(4, 3)
ours_lazy, torch_lazy = LazyLinear(2), nn.LazyLinear(2)
torch.manual_seed(1)
y_ours = ours_lazy(x)  # the first call draws the parameters
torch.manual_seed(1)
y_torch = torch_lazy(x)
print("LazyLinear in_features:", ours_lazy.in_features, torch_lazy.in_features)
print(
    "LazyLinear same init and output:",
    torch.equal(ours_lazy.weight, torch_lazy.weight),
    torch.allclose(y_ours, y_torch),
)
print("identity returns its input:", identity(x) is x is nn.Identity()(x))
