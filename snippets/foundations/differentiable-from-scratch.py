import torch

from nnref.autodiff import custom, dual

torch.manual_seed(0)
f64 = torch.float64

# Forward mode with dual numbers: one pass gives f(x) and the directional derivative J v
W, x = torch.randn(3, 4, dtype=f64), torch.randn(4, dtype=f64)
v_W, v_x = torch.randn(3, 4, dtype=f64), torch.randn(4, dtype=f64)


def f_dual(W, x):
    z = W @ x
    return dual.tanh(z) * dual.exp(-z) / (2 + dual.sin(z))


def f_torch(W, x):
    z = W @ x
    return torch.tanh(z) * torch.exp(-z) / (2 + torch.sin(z))


ours = dual.jvp(f_dual, (W, x), (v_W, v_x))
theirs = torch.func.jvp(f_torch, (W, x), (v_W, v_x))
print(
    "value equal:",
    torch.allclose(ours[0], theirs[0]),
    "| J v equal:",
    torch.allclose(ours[1], theirs[1]),
)

# Custom primitives with a hand-written backward, checked by gradcheck
xb = torch.randn(5, 4, dtype=f64, requires_grad=True)
weight = torch.randn(3, 4, dtype=f64, requires_grad=True)
bias = torch.randn(3, dtype=f64, requires_grad=True)
print("LinearFunction gradcheck:", torch.autograd.gradcheck(custom.linear, (xb, weight, bias)))
print("TanhFunction gradcheck:", torch.autograd.gradcheck(custom.tanh, (xb,)))
print("LogSumExpFunction gradcheck:", torch.autograd.gradcheck(custom.logsumexp, (xb,)))
print("same values as torch:", torch.allclose(custom.logsumexp(xb), torch.logsumexp(xb, dim=-1)))
