import torch
import torch.nn.functional as F

from nnref.activations.softplus import softplus, softplus_derivative

torch.manual_seed(0)

# beta * x == threshold exactly (20, 10), just around it, large |x|, in float64
special = torch.tensor([0.0, 20.0, 19.999, 20.001, 10.0, -100.0, 100.0, -1e4, 1e4])
x = torch.cat([torch.randn(50) * 5, special]).double().requires_grad_()
for beta, threshold in [(1.0, 20.0), (2.0, 20.0), (1.0, 1.0), (0.5, 5.0)]:
    ours, theirs = softplus(x, beta, threshold), F.softplus(x, beta, threshold)
    (g_ours,) = torch.autograd.grad(ours.sum(), x)
    (g_theirs,) = torch.autograd.grad(theirs.sum(), x)
    derivative = softplus_derivative(x.detach(), beta, threshold)
    checks = {
        "values": torch.allclose(ours, theirs),
        "gradients": torch.allclose(g_ours, g_theirs),
        "derivative": torch.allclose(derivative, g_theirs),
    }
    print(f"beta={beta} threshold={threshold}", checks)

smooth = torch.randn(20, dtype=torch.float64, requires_grad=True)
print("gradcheck:", torch.autograd.gradcheck(softplus, (smooth, 2.0)))
