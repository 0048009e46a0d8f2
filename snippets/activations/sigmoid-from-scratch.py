import torch
import torch.nn.functional as F

from nnref.activations.sigmoid import hardsigmoid, hardsigmoid_derivative, logsigmoid, sigmoid

x = torch.tensor([-100.0, -3.0, -1.0, 0.0, 1.0, 3.0, 100.0], requires_grad=True)
for ours, theirs in [
    (sigmoid, torch.sigmoid),
    (logsigmoid, F.logsigmoid),
    (hardsigmoid, F.hardsigmoid),
]:
    y_ours, y_theirs = ours(x), theirs(x)
    (g_ours,) = torch.autograd.grad(y_ours.sum(), x)
    (g_theirs,) = torch.autograd.grad(y_theirs.sum(), x)
    print(
        f"{ours.__name__:11s} values equal: {torch.allclose(y_ours, y_theirs)},",
        f"gradients equal: {torch.allclose(g_ours, g_theirs)},",
        f"finite: {bool(g_ours.isfinite().all())}",
    )
print("hardsigmoid' at -3 and 3:", hardsigmoid_derivative(torch.tensor([-3.0, 3.0])))
