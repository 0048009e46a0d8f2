import torch
import torch.nn.functional as F
from torch import nn

x = torch.tensor([-1.0, 0.0, 3.0, 6.0, 8.0], requires_grad=True)
y = nn.ReLU6()(x)
y.sum().backward()
print(y.detach())
print(x.grad)  # 1 only strictly inside (0, 6): 0 at both kinks

print(isinstance(nn.ReLU6(), nn.Hardtanh))  # ReLU6 is Hardtanh(min_val=0, max_val=6)
print(torch.equal(F.relu6(x), x.clamp(0, 6)), torch.equal(F.relu6(x), F.hardtanh(x, 0.0, 6.0)))
