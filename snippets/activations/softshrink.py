import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
soft_shrink = nn.Softshrink()  # lambd=0.5
print(soft_shrink(torch.randn(8, 3)).shape)

x = torch.tensor([-1.0, -0.5, -0.25, 0.0, 0.25, 0.5, 0.75], requires_grad=True)
y = soft_shrink(x)
print(y.detach())  # moved towards 0 by 0.5; 0 inside [-0.5, 0.5] (-0. is a signed zero)
y.sum().backward()
print(x.grad)  # 1 outside [-0.5, 0.5], 0 inside and at the ends

z = torch.randn(1000)
print(
    "== sign(x) * relu(|x| - 0.5):",
    torch.allclose(soft_shrink(z), z.sign() * F.relu(z.abs() - 0.5)),
)
