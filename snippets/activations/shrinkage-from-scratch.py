import torch
import torch.nn.functional as F

from nnref.activations.shrinkage import hardshrink, softshrink, softshrink_derivative

x = torch.tensor([-100.0, -0.75, -0.5, -0.25, 0.0, 0.5, 0.75, 100.0], requires_grad=True)
for ours, theirs in [(hardshrink, F.hardshrink), (softshrink, F.softshrink)]:
    for lambd in (0.5, 0.25):
        y_ours, y_theirs = ours(x, lambd), theirs(x, lambd)
        (g_ours,) = torch.autograd.grad(y_ours.sum(), x)
        (g_theirs,) = torch.autograd.grad(y_theirs.sum(), x)
        print(
            f"{ours.__name__:10s} lambd={lambd}: values equal {torch.equal(y_ours, y_theirs)},",
            f"gradients equal {torch.equal(g_ours, g_theirs)}",
        )
print("softshrink' at -0.5 and 0.5:", softshrink_derivative(torch.tensor([-0.5, 0.5])))
