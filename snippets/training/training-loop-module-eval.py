import torch
from torch import nn

torch.manual_seed(0)
bn = nn.BatchNorm1d(3)
x = torch.randn(10, 3) * 2 + 5

bn.eval()  # running statistics are used, and left unchanged
with torch.no_grad():
    out = bn(x)
print("running_mean used (still 0):", bn.running_mean.tolist())
print("eval output = (x - 0) / sqrt(1 + eps):", torch.allclose(out, x / (1 + bn.eps) ** 0.5))

bn.train()
with torch.no_grad():
    bn(x)
print("train() then forward updates running_mean:", [round(v, 2) for v in bn.running_mean.tolist()])
print("= 0.9 * 0 + 0.1 * batch mean:", torch.allclose(bn.running_mean, 0.1 * x.mean(0)))
print("eval() does not disable autograd:", bn.eval()(x).requires_grad)
