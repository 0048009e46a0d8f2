import torch
from torch import nn

torch.manual_seed(0)

bn = nn.LazyBatchNorm1d()  # num_features is not given
print(type(bn.weight).__name__, type(bn.running_mean).__name__)

y = bn(torch.randn(8, 5))  # the first call fixes num_features = input.shape[1]
print(type(bn).__name__, bn.num_features, tuple(bn.weight.shape), tuple(bn.running_mean.shape))
print("output", tuple(y.shape))
