import torch
from torch import nn

from nnref.layers.conv import conv2d, conv_transpose2d

torch.manual_seed(0)
layer = nn.ConvTranspose2d(4, 6, kernel_size=3, stride=2, padding=1, output_padding=1, groups=2)
x = torch.randn(2, 4, 5, 5, requires_grad=True)

ours = conv_transpose2d(
    x, layer.weight, layer.bias, stride=2, padding=1, output_padding=1, groups=2
)
theirs = layer(x)
print(tuple(ours.shape), "equal to nn.ConvTranspose2d:", torch.allclose(ours, theirs, atol=1e-6))

upstream = torch.randn_like(ours)
grads_ours = torch.autograd.grad(ours, (x, layer.weight), upstream)
grads_theirs = torch.autograd.grad(theirs, (x, layer.weight), upstream)
print(
    "same gradients:",
    all(torch.allclose(a, b, atol=1e-5) for a, b in zip(grads_ours, grads_theirs, strict=True)),
)

# It is the input gradient of conv2d with the same weight (weight read as (in, out))
z = torch.randn(2, 6, 10, 10, requires_grad=True)
y = conv2d(z, layer.weight, stride=2, padding=1, groups=2)  # (2, 4, 5, 5)
(grad,) = torch.autograd.grad(y, z, x.detach())
print("== gradient of conv2d:", torch.allclose(grad, ours - layer.bias[:, None, None], atol=1e-5))
