import torch
import torch.nn.functional as F
from torch import nn

scale, alpha = 1.0507009873554804934193349852946, 1.6732632423543772848170429916717

x = torch.tensor([-20.0, -1.0, 0.0, 1.0], dtype=torch.float64, requires_grad=True)
y = nn.SELU()(x)
print([round(v, 4) for v in y.tolist()])  # saturates at -scale * alpha = -1.7581
print(torch.allclose(y, scale * F.elu(x, alpha)))  # SELU = scale * ELU(x, alpha)

(grad,) = torch.autograd.grad(y.sum(), x)
print([round(v, 4) for v in grad.tolist()])  # scale * alpha at 0, scale for x > 0
