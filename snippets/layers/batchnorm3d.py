import torch
from torch import nn

torch.manual_seed(0)

bn = nn.BatchNorm3d(num_features=2)
x = torch.randn(2, 2, 3, 4, 4)  # (N, C, D, H, W): e.g. short video clips or volumes
print("output", tuple(bn(x).shape))
print("parameters:", sum(p.numel() for p in bn.parameters()))  # weight and bias: 2 * C

# A fresh layer in evaluation mode uses running_mean = 0 and running_var = 1:
fresh = nn.BatchNorm3d(2).eval()
print(
    "eval, fresh statistics: y = x / sqrt(1 + eps):",
    torch.allclose(fresh(x), x / torch.sqrt(torch.tensor(1 + fresh.eps))),
)

try:
    bn(torch.randn(2, 2, 4, 4))  # a 4-D tensor is BatchNorm2d's input
except ValueError as error:
    print("ValueError:", error)
