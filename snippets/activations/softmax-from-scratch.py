import torch
import torch.nn.functional as F

from nnref.activations.softmax import log_softmax, softmax, softmax2d, softmax_jacobian, softmin

torch.manual_seed(0)
x = torch.randn(2, 3, 4, 5, requires_grad=True)
cases = [
    ("softmax", softmax(x, 1), torch.softmax(x, 1)),
    ("softmin", softmin(x, -1), F.softmin(x, -1)),
    ("log_softmax", log_softmax(x, 2), torch.log_softmax(x, 2)),
    ("softmax2d", softmax2d(x), torch.nn.Softmax2d()(x)),
]
for name, ours, theirs in cases:
    (g_ours,) = torch.autograd.grad(ours.pow(2).sum(), x)
    (g_theirs,) = torch.autograd.grad(theirs.pow(2).sum(), x)
    same = torch.allclose(ours, theirs), torch.allclose(g_ours, g_theirs)
    print(f"{name:<12} values {same[0]}, gradients {same[1]}")

extreme = torch.tensor([1000.0, -1000.0, 0.0])
print("softmax of +-1000:", softmax(extreme, 0))
print("log_softmax of +-1000:", log_softmax(extreme, 0))

z = torch.tensor([2.0, 1.0, 0.1])
autograd_jacobian = torch.autograd.functional.jacobian(lambda t: torch.softmax(t, 0), z)
print("Jacobian diag(s) - s s^T:", torch.allclose(softmax_jacobian(z), autograd_jacobian))
