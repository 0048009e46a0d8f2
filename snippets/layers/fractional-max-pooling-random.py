import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(1, 1, 10, 10)

pool = nn.FractionalMaxPool2d(2, output_size=(6, 6))
pool.eval()  # does not help: there is no train/eval switch
print("same output twice:", torch.equal(pool(x), pool(x)))  # new windows on every call

fixed = nn.FractionalMaxPool2d(2, output_size=(6, 6), _random_samples=torch.rand(1, 1, 2))
print("with _random_samples:", torch.equal(fixed(x), fixed(x)))
