import torch
import torch.nn.functional as F

from nnref.layers.pooling import max_pool2d
from nnref.layers.unpooling import max_unpool2d

torch.manual_seed(0)
x = torch.randn(2, 3, 7, 7, dtype=torch.float64)

pooled, indices = max_pool2d(x, 3, stride=2, padding=1, return_indices=True)
pooled.requires_grad_()
ours = max_unpool2d(pooled, indices, 3, stride=2, padding=1, output_size=(7, 7))
theirs = F.max_unpool2d(pooled, indices, 3, stride=2, padding=1, output_size=(7, 7))
print("values:", torch.equal(ours, theirs), tuple(ours.shape))

upstream = torch.randn_like(ours)
(grad,) = torch.autograd.grad(ours, pooled, upstream)
(expected_grad,) = torch.autograd.grad(theirs, pooled, upstream)
print("gradient:", torch.equal(grad, expected_grad))
print(
    "gradient = upstream at the indices:",
    torch.equal(grad, upstream.flatten(2).gather(2, indices.flatten(2)).view_as(grad)),
)
