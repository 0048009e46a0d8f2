import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
log_sigmoid = nn.LogSigmoid()
print(log_sigmoid(torch.randn(8, 3)).shape)

x = torch.tensor([-200.0, -20.0, 0.0, 20.0], requires_grad=True)
y = log_sigmoid(x)
print(y.detach())  # about x for very negative x, about 0 for large positive x
y.sum().backward()
print(x.grad)  # 1 - sigmoid(x): 1 on the left, 1/2 at 0, 0 on the right

print("== -softplus(-x):", torch.allclose(y, -F.softplus(-x)))
print("grad == sigmoid(-x):", torch.allclose(x.grad, torch.sigmoid(-x)))
