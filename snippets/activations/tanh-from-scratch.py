import torch
import torch.nn.functional as F

from nnref.activations.tanh import hardtanh, hardtanh_derivative, softsign, tanh, tanhshrink

x = torch.tensor([-100.0, -1.0, -0.5, 0.0, 0.5, 1.0, 100.0], requires_grad=True)
pairs = [
    (tanh, torch.tanh),
    (hardtanh, F.hardtanh),
    (softsign, F.softsign),
    (tanhshrink, F.tanhshrink),
]
for ours, theirs in pairs:
    y_ours, y_theirs = ours(x), theirs(x)
    (g_ours,) = torch.autograd.grad(y_ours.sum(), x)
    (g_theirs,) = torch.autograd.grad(y_theirs.sum(), x)
    print(
        f"{ours.__name__:10s} values equal: {torch.allclose(y_ours, y_theirs)},",
        f"gradients equal: {torch.allclose(g_ours, g_theirs)}",
    )
print("hardtanh' at -1 and 1:", hardtanh_derivative(torch.tensor([-1.0, 1.0])))
small = torch.tensor(1e-8)
print(
    "at x = 1e-8: tanh",
    tanh(small).item(),
    "| 2 * sigmoid(2x) - 1",
    (2 * torch.sigmoid(2 * small) - 1).item(),
)
