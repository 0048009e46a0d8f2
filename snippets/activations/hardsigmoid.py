import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
hard_sigmoid = nn.Hardsigmoid()
print(hard_sigmoid(torch.randn(8, 3)).shape)

x = torch.tensor([-4.0, -3.0, -1.5, 0.0, 1.5, 3.0, 4.0], requires_grad=True)
y = hard_sigmoid(x)
print(y.detach())
y.sum().backward()
print(x.grad)  # 1/6 strictly inside (-3, 3); 0 at the kinks x = -3 and x = 3

print("== relu6(x + 3) / 6:", torch.equal(y, F.relu6(x + 3) / 6))
grid = torch.linspace(-6, 6, 1201)
gap = (F.hardsigmoid(grid) - torch.sigmoid(grid)).abs().max()
print(f"max |hardsigmoid - sigmoid| = {gap:.3f}")
