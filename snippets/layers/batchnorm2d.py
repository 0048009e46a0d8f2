import torch
from torch import nn

torch.manual_seed(0)

bn = nn.BatchNorm2d(num_features=4)
x = torch.randn(2, 4, 5, 5) * 3 + 1  # (N, C, H, W)
y = bn(x)
print("output", tuple(y.shape))

# One mean and one variance per channel, over N, H and W: 2 * 5 * 5 = 50 values each
mean = x.mean(dim=(0, 2, 3))
biased_var = x.var(dim=(0, 2, 3), correction=0)
unbiased_var = x.var(dim=(0, 2, 3), correction=1)
manual = (x - mean.view(1, 4, 1, 1)) / torch.sqrt(biased_var.view(1, 4, 1, 1) + bn.eps)
print("normalized with the biased variance:", torch.allclose(y, manual, atol=1e-5))

# After one training step: running = (1 - 0.1) * running + 0.1 * batch statistic
print("running_mean = 0.1 * mean:", torch.allclose(bn.running_mean, 0.1 * mean))
print(
    "running_var uses the unbiased variance:",
    torch.allclose(bn.running_var, 0.9 + 0.1 * unbiased_var),
)
print("num_batches_tracked:", bn.num_batches_tracked.item())
