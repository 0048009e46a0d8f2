import torch
import torch.nn.functional as F

from nnref.layers.pooling import avg_pool2d, lp_pool2d, max_pool2d, pool_output_size

torch.manual_seed(0)
x = torch.randn(2, 3, 9, 9, dtype=torch.float64, requires_grad=True)

config = dict(kernel_size=3, stride=2, padding=1, ceil_mode=True)
values, indices = max_pool2d(x, **config, return_indices=True)
expected_values, expected_indices = F.max_pool2d(x, **config, return_indices=True)
print("max values:", torch.equal(values, expected_values))
print("max indices:", torch.equal(indices, expected_indices))

# The gradient of max pooling reaches only the maximum of each window
(grad,) = torch.autograd.grad(values.sum(), x)
(expected_grad,) = torch.autograd.grad(expected_values.sum(), x)
print("max gradient:", torch.equal(grad, expected_grad), "non-zeros:", int((grad != 0).sum()))

for include_pad in (True, False):
    ours = avg_pool2d(x, **config, count_include_pad=include_pad)
    theirs = F.avg_pool2d(x, **config, count_include_pad=include_pad)
    print(f"avg count_include_pad={include_pad}:", torch.allclose(ours, theirs))

positive = x.detach().abs() + 0.1
print("lp p=2:", torch.allclose(lp_pool2d(positive, 2, 3, 2), F.lp_pool2d(positive, 2, 3, 2)))
print("output size:", pool_output_size(9, 3, 2, 1, ceil_mode=True), tuple(values.shape))
