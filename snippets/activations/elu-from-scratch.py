import torch
import torch.nn.functional as F

from nnref.activations.elu import celu, celu_derivative, elu, elu_derivative, selu, selu_derivative

x = torch.tensor([-30.0, -1.0, 0.0, 0.5, 800.0], dtype=torch.float64, requires_grad=True)
cases = {
    "elu(alpha=2)": (
        lambda t: elu(t, 2.0),
        lambda t: F.elu(t, 2.0),
        lambda t: elu_derivative(t, 2.0),
    ),
    "celu(alpha=2)": (
        lambda t: celu(t, 2.0),
        lambda t: F.celu(t, 2.0),
        lambda t: celu_derivative(t, 2.0),
    ),
    "selu": (selu, F.selu, selu_derivative),
}
for name, (ours, theirs, derivative) in cases.items():
    (g_ours,) = torch.autograd.grad(ours(x).sum(), x)
    (g_theirs,) = torch.autograd.grad(theirs(x).sum(), x)
    same_values = torch.allclose(ours(x), theirs(x))
    same_grads = torch.allclose(g_ours, g_theirs) and torch.equal(derivative(x.detach()), g_theirs)
    print(f"{name:13s} values equal: {same_values}  gradients equal: {same_grads}")
    print("              gradient:", [round(v, 4) for v in g_theirs.tolist()])
