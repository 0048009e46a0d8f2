import torch
import torch.nn.functional as F

from nnref.activations.gelu import gelu, gelu_derivative

torch.manual_seed(0)

# random points, the special point 0 and large |x|, in float64
x = torch.cat([torch.randn(50), torch.tensor([0.0, -100.0, 100.0, -1e4, 1e4])]).double()
x.requires_grad_()
for approximate in ("none", "tanh"):
    ours, theirs = gelu(x, approximate), F.gelu(x, approximate=approximate)
    (g_ours,) = torch.autograd.grad(ours.sum(), x)
    (g_theirs,) = torch.autograd.grad(theirs.sum(), x)
    checks = {
        "values": torch.allclose(ours, theirs),
        "gradients": torch.allclose(g_ours, g_theirs),
        "derivative": torch.allclose(gelu_derivative(x.detach(), approximate), g_theirs),
        "gradcheck": torch.autograd.gradcheck(gelu, (x, approximate)),
    }
    print(approximate, checks)
print("GELU'(0):", gelu_derivative(torch.zeros(1)).item())
