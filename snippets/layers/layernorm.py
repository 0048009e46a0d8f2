import torch
from torch import nn

torch.manual_seed(0)

# A batch of 2 sequences of 3 tokens, each token a vector of 5 features
x = torch.randn(2, 3, 5) * 4 + 1
ln = nn.LayerNorm(normalized_shape=5)  # eps=1e-05, elementwise_affine=True, bias=True
y = ln(x)
print("output", tuple(y.shape))
print("parameters:", [(name, tuple(p.shape)) for name, p in ln.named_parameters()])

# One mean and one variance per token, over its 5 features
manual = (x - x.mean(-1, keepdim=True)) / torch.sqrt(x.var(-1, keepdim=True, correction=0) + 1e-5)
print("same as the formula:", torch.allclose(y, manual, atol=1e-5))

# normalized_shape=(3, 5): statistics over the last two axes; weight has that shape
ln2 = nn.LayerNorm((3, 5), bias=False)
print("weight", tuple(ln2.weight.shape), "bias", ln2.bias)
