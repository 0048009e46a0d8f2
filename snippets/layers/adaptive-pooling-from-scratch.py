import torch
import torch.nn.functional as F

from nnref.layers.pooling import adaptive_avg_pool2d, adaptive_bounds, adaptive_max_pool2d

torch.manual_seed(0)
x = torch.randn(2, 3, 7, 10, dtype=torch.float64, requires_grad=True)

starts, ends = adaptive_bounds(7, 3)  # floor(i * 7 / 3), ceil((i + 1) * 7 / 3)
print("windows along H:", list(zip(starts.tolist(), ends.tolist(), strict=True)))

values, indices = adaptive_max_pool2d(x, (3, 4), return_indices=True)
expected_values, expected_indices = F.adaptive_max_pool2d(x, (3, 4), return_indices=True)
print("max values:", torch.equal(values, expected_values))
print("max indices:", torch.equal(indices, expected_indices))

ours, theirs = adaptive_avg_pool2d(x, (3, 4)), F.adaptive_avg_pool2d(x, (3, 4))
print("avg values:", torch.allclose(ours, theirs))
(grad,) = torch.autograd.grad(ours.sum(), x)
(expected_grad,) = torch.autograd.grad(theirs.sum(), x)
print("avg gradient:", torch.allclose(grad, expected_grad))
