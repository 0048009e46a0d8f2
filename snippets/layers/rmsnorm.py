import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)

x = torch.randn(2, 3, 4) + 2
rms = nn.RMSNorm(normalized_shape=4)  # eps=None, elementwise_affine=True
print(rms)
print("parameters:", [(name, tuple(p.shape)) for name, p in rms.named_parameters()])  # no bias

# y = x / sqrt(mean(x^2) + eps) * weight; for float32 x, eps=None is float32's machine epsilon
eps = torch.finfo(torch.float32).eps
manual = x / torch.sqrt(x.pow(2).mean(-1, keepdim=True) + eps)
y = rms(x)
print("same as the formula:", torch.allclose(y, manual))
print(
    "root mean square of each output vector is 1:",
    torch.allclose(y.pow(2).mean(-1).sqrt(), torch.ones(2, 3)),
)
print("but the mean is not subtracted: mean(y) > 0:", bool((y.mean(-1) > 0).all()))

# float16 input is normalized in float32, and eps=None is float32's epsilon (1.19e-07),
# not float16's (9.77e-04) as torch.finfo(x.dtype).eps would suggest
half = torch.full((1, 4), 1e-3, dtype=torch.float16)  # mean square 1e-6
default = F.rms_norm(half, (4,))
f32_eps, f16_eps = torch.finfo(torch.float32).eps, torch.finfo(torch.float16).eps
print("float16, eps=None:", round(default[0, 0].item(), 3))
print("  same as eps of float32:", torch.equal(default, F.rms_norm(half, (4,), eps=f32_eps)))
print("  eps of float16 would give:", round(F.rms_norm(half, (4,), eps=f16_eps)[0, 0].item(), 3))
