import torch
import torch.nn.functional as F
from torch import nn

x = torch.tensor([-4.0, -3.0, -1.5, 0.0, 1.5, 3.0, 4.0], requires_grad=True)
y = nn.Hardswish()(x)
print(y.detach())  # -0. is a zero with a sign: -4 * 0
print("x * relu6(x + 3) / 6:", torch.allclose(y, x * F.relu6(x + 3) / 6))

y.sum().backward()
print(x.grad)  # 0 at x = -3 and 1 at x = 3: the slopes of the outer pieces
