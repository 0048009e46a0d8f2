import torch
import torch.autograd.forward_ad as fwAD

torch.manual_seed(0)


def f(x):
    return torch.sin(x) * x.sum()


x = torch.randn(3, dtype=torch.float64)
v = torch.tensor([1.0, 0.0, 0.0], dtype=torch.float64)  # direction: the first input

with fwAD.dual_level():
    dual_x = fwAD.make_dual(x, v)  # x + v ε
    out = fwAD.unpack_dual(f(dual_x))  # primal and tangent of the output
print("tangent shape:", tuple(out.tangent.shape))

jacobian = torch.autograd.functional.jacobian(f, x)
print("tangent = J v (first column):", torch.allclose(out.tangent, jacobian[:, 0]))
print("same as torch.func.jvp:", torch.allclose(out.tangent, torch.func.jvp(f, (x,), (v,))[1]))
# A full Jacobian takes one forward-mode pass per input (3 here), one reverse pass per output
