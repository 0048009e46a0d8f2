import torch
from torch import nn

torch.manual_seed(0)
hard_shrink = nn.Hardshrink()  # lambd=0.5
print(hard_shrink(torch.randn(8, 3)).shape)

x = torch.tensor([-1.0, -0.5, -0.25, 0.0, 0.25, 0.5, 0.75], requires_grad=True)
y = hard_shrink(x)
print(y.detach())  # kept where |x| > 0.5; exactly +-0.5 gives 0
y.sum().backward()
print(x.grad)  # 1 outside [-0.5, 0.5], 0 inside and at the ends

print(nn.Hardshrink(lambd=0.3)(torch.tensor([-0.5, 0.2, 0.4])))
