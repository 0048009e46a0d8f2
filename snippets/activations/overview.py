import torch
from torch import nn

x = torch.linspace(-6, 6, 1201, requires_grad=True)
elementwise = [
    nn.ReLU(), nn.ReLU6(), nn.LeakyReLU(), nn.PReLU(), nn.RReLU().eval(), nn.Threshold(1.0, 0.0),
    nn.ELU(), nn.CELU(), nn.SELU(), nn.GELU(), nn.SiLU(), nn.Mish(), nn.Hardswish(),
    nn.Softplus(), nn.Sigmoid(), nn.Hardsigmoid(), nn.LogSigmoid(), nn.Tanh(), nn.Hardtanh(),
    nn.Softsign(), nn.Tanhshrink(), nn.Hardshrink(), nn.Softshrink(),
]  # fmt: skip
print("on x in [-6, 6]     min      max   monotone  f'(-6)  f'(6)")
for module in elementwise:
    y = module(x)
    (grad,) = torch.autograd.grad(y.sum(), x)
    y = y.detach()
    monotone = bool((y.diff() >= 0).all())
    values = f"{y.min():>12.3f}{y.max():>9.3f}   {monotone!s:<8}"
    print(f"{type(module).__name__:<12}{values}{grad[0]:>7.3f}{grad[-1]:>7.3f}")

v = torch.randn(2, 3, 4, 6)
print("GLU halves dim=-1:", tuple(v.shape), "->", tuple(nn.GLU()(v).shape))
for module in (nn.Softmax(dim=1), nn.Softmin(dim=1), nn.Softmax2d()):
    total = module(v).sum(dim=1)
    ones = torch.allclose(total, torch.ones_like(total))
    print(f"{type(module).__name__:<9} sums to 1 over dim 1:", ones)
print("LogSoftmax max <= 0:", bool((nn.LogSoftmax(dim=1)(v) <= 0).all()))
