import torch

from nnref.autodiff.numeric import central_difference_gradient

# At a kink the central difference averages the two one-sided slopes
x = torch.tensor([0.0], dtype=torch.float64, requires_grad=True)
print(
    "relu, central difference:",
    central_difference_gradient(lambda v: torch.relu(v).sum(), x).item(),
)
(g,) = torch.autograd.grad(torch.relu(x).sum(), x)
print("relu, autograd:          ", g.item())

# Too small a step: x + h == x, the estimate is 0 (float32) or noise (float64)
one = torch.tensor([1.0])
print(
    "float32, h = 1e-8:",
    central_difference_gradient(lambda v: torch.sin(v).sum(), one, h=1e-8).item(),
)
d = central_difference_gradient(lambda v: torch.sin(v).sum(), one.double(), h=1e-15).item()
print(f"float64, h = 1e-15: {d:.3f} vs cos(1) = {torch.cos(torch.tensor(1.0)).item():.3f}")
