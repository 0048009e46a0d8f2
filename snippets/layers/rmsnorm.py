import torch
from torch import nn

torch.manual_seed(0)

x = torch.randn(2, 3, 4) + 2
rms = nn.RMSNorm(normalized_shape=4)  # eps=None, elementwise_affine=True
print(rms)
print("parameters:", [(name, tuple(p.shape)) for name, p in rms.named_parameters()])  # no bias

# y = x / sqrt(mean(x^2) + eps) * weight, eps=None means torch.finfo(x.dtype).eps
eps = torch.finfo(x.dtype).eps
manual = x / torch.sqrt(x.pow(2).mean(-1, keepdim=True) + eps)
y = rms(x)
print("same as the formula:", torch.allclose(y, manual))
print(
    "root mean square of each output vector is 1:",
    torch.allclose(y.pow(2).mean(-1).sqrt(), torch.ones(2, 3)),
)
print("but the mean is not subtracted: mean(y) > 0:", bool((y.mean(-1) > 0).all()))
