import torch
from torch import nn

torch.manual_seed(0)

bn = nn.BatchNorm1d(num_features=3)  # eps=1e-05, momentum=0.1, affine=True
print("parameters:", [(name, tuple(p.shape)) for name, p in bn.named_parameters()])
print("buffers:   ", [name for name, _ in bn.named_buffers()])

x = torch.randn(8, 3) * 5 + 2  # (N, C): 8 examples, 3 features
y = bn(x)  # training mode: statistics of this batch, per feature
print("output", tuple(y.shape))
print("mean per feature:", y.mean(dim=0).abs().lt(1e-6).tolist())
print("biased std per feature:", [round(v, 3) for v in y.std(dim=0, correction=0).tolist()])

manual = (x - x.mean(0)) / torch.sqrt(x.var(0, correction=0) + bn.eps)
print("same as the formula:", torch.allclose(y, manual, atol=1e-6))

# (N, C, L): statistics over the batch and the length, per channel
print("sequence input", tuple(bn(torch.randn(8, 3, 10)).shape))

# Invariant to the scale of the weights before it: BN(a * W x) = BN(W x) for a > 0, up to eps
linear = nn.Linear(5, 3, bias=False)
features = torch.randn(8, 5)
print(
    "BN(10 * Wx) equals BN(Wx):",
    torch.allclose(bn(10 * linear(features)), bn(linear(features)), atol=1e-3),
)
