import torch
import torch.nn.functional as F

from nnref.activations import silu as ours

torch.manual_seed(0)

special = torch.tensor([0.0, -3.0, 3.0, -1.5, -100.0, 100.0, -1e4, 1e4])
x = torch.cat([torch.randn(50) * 3, special]).double().requires_grad_()
cases = {
    "silu": (ours.silu, ours.silu_derivative, F.silu),
    "hardswish": (ours.hardswish, ours.hardswish_derivative, F.hardswish),
    "mish": (ours.mish, ours.mish_derivative, F.mish),
}
for name, (function, derivative, theirs) in cases.items():
    (g_ours,) = torch.autograd.grad(function(x).sum(), x)
    (g_theirs,) = torch.autograd.grad(theirs(x).sum(), x)
    checks = {
        "values": torch.allclose(function(x), theirs(x)),
        "gradients": torch.allclose(g_ours, g_theirs),
        "derivative": torch.allclose(derivative(x.detach()), g_theirs),
    }
    print(name, checks)

smooth = torch.randn(20, dtype=torch.float64, requires_grad=True)
print("gradcheck:", [torch.autograd.gradcheck(f, (smooth,)) for f in (ours.silu, ours.mish)])
print("Hardswish' at -3, 3:", ours.hardswish_derivative(torch.tensor([-3.0, 3.0])))
