import torch
import torch.nn.functional as F

torch.manual_seed(0)
w = torch.randn(1, 1, 3, 3)
x = torch.randn(1, 1, 8, 8)

# Down with conv2d, back up with conv_transpose2d and the same weight: not x again
y = F.conv2d(x, w, stride=2, padding=1)
back = F.conv_transpose2d(y, w, stride=2, padding=1, output_padding=1)
print("shape back:", tuple(back.shape), " equal to x:", torch.allclose(back, x))
print("relative error:", round(((back - x).norm() / x.norm()).item(), 2))

# What does hold is the adjoint identity <conv(x), z> == <x, conv_transpose(z)>
z = torch.randn_like(y)
left = (F.conv2d(x, w, stride=2, padding=1) * z).sum()
right = (x * F.conv_transpose2d(z, w, stride=2, padding=1, output_padding=1)).sum()
print("adjoint identity:", torch.allclose(left, right, atol=1e-5))
