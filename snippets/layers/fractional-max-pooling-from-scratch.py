import torch
import torch.nn.functional as F

from nnref.layers.fractional_pooling import fractional_intervals, fractional_max_pool2d

torch.manual_seed(0)
x = torch.randn(2, 3, 25, 25, dtype=torch.float64, requires_grad=True)
samples = torch.rand(2, 3, 2, dtype=torch.float64)  # (N, C, 2): one u per axis

values, indices = fractional_max_pool2d(x, 2, (18, 18), return_indices=True, random_samples=samples)
expected_values, expected_indices = F.fractional_max_pool2d(
    x, 2, (18, 18), return_indices=True, _random_samples=samples
)
print("values:", torch.equal(values, expected_values))
print("indices:", torch.equal(indices, expected_indices))
(grad,) = torch.autograd.grad(values.sum(), x)
(expected_grad,) = torch.autograd.grad(expected_values.sum(), x)
print("gradient:", torch.equal(grad, expected_grad))

# Window starts along one axis: steps of 1 or 2 (alpha = 23 / 17) in a random order
starts = fractional_intervals(torch.tensor(0.37, dtype=torch.float64), 25, 18, 2)
print(starts.tolist())
print("steps:", starts.diff().tolist())
