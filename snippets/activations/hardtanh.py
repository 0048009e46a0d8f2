import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
hard_tanh = nn.Hardtanh()  # min_val=-1.0, max_val=1.0
print(hard_tanh(torch.randn(8, 3)).shape)

x = torch.tensor([-2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0], requires_grad=True)
y = hard_tanh(x)
print(y.detach())
y.sum().backward()
print(x.grad)  # 1 strictly inside (-1, 1); 0 at the ends x = -1 and x = 1

wide = nn.Hardtanh(min_val=-2.0, max_val=2.0)
print(wide(torch.tensor([-3.0, 1.5, 3.0])))
z = torch.randn(100) * 5
print("Hardtanh(0, 6) == ReLU6:", torch.equal(nn.Hardtanh(0.0, 6.0)(z), F.relu6(z)))
