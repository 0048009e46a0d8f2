import torch
from torch import nn

from nnref.layers.conv import conv2d, conv_init, conv_parameter_count

torch.manual_seed(0)
weight, bias = conv_init(in_channels=4, out_channels=6, kernel_size=(3, 3), groups=2)
torch.manual_seed(0)
layer = nn.Conv2d(4, 6, 3, stride=2, padding=1, groups=2, padding_mode="reflect")
print("same init:", torch.equal(weight, layer.weight), torch.equal(bias, layer.bias))

x = torch.randn(2, 4, 9, 9, requires_grad=True)
ours = conv2d(x, layer.weight, layer.bias, stride=2, padding=1, groups=2, padding_mode="reflect")
theirs = layer(x)
print(tuple(ours.shape), "equal to nn.Conv2d:", torch.allclose(ours, theirs, atol=1e-6))

upstream = torch.randn_like(ours)
grads_ours = torch.autograd.grad(ours, (x, layer.weight), upstream)
grads_theirs = torch.autograd.grad(theirs, (x, layer.weight), upstream)
print(
    "same gradients:",
    all(torch.allclose(a, b, atol=1e-5) for a, b in zip(grads_ours, grads_theirs, strict=True)),
)
print(
    "parameters:",
    conv_parameter_count(4, 6, (3, 3), groups=2),
    sum(p.numel() for p in layer.parameters()),
)
