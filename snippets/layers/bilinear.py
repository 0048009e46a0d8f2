import torch
from torch import nn

torch.manual_seed(0)

layer = nn.Bilinear(in1_features=3, in2_features=4, out_features=2)
print("weight", tuple(layer.weight.shape))  # (out, in1, in2): one 3x4 matrix per output
print("bias  ", tuple(layer.bias.shape))
print("parameters:", sum(p.numel() for p in layer.parameters()))  # 2*3*4 + 2

x1, x2 = torch.randn(5, 3), torch.randn(5, 4)  # two inputs with the same batch size
y = layer(x1, x2)
print("output", tuple(y.shape))

# y_k = x1^T A_k x2 + b_k for every output k
manual = torch.einsum("ni,kij,nj->nk", x1, layer.weight, x2) + layer.bias
print("same as x1^T A_k x2 + b_k:", torch.allclose(y, manual, atol=1e-6))

# The init bound is 1/sqrt(in1_features) only: in2_features does not enter it
bound = 1 / 3**0.5
print("|weight| <= 1/sqrt(in1):", bool(layer.weight.abs().max() <= bound))
