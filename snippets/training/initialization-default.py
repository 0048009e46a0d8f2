import math

import torch
from torch import nn

torch.manual_seed(0)

layer = nn.Linear(512, 256)
k = 1 / math.sqrt(512)  # 1 / sqrt(fan_in)
print("max |W|:", round(layer.weight.abs().max().item(), 4), "k:", round(k, 4))
print("max |b|:", round(layer.bias.abs().max().item(), 4))
print("Var(W) * fan_in:", round(layer.weight.var().item() * 512, 3), "(1/3, not He's 2)")

# It is kaiming_uniform_(a=sqrt(5)) followed by a uniform bias, with the same random stream
torch.manual_seed(1)
conv = nn.Conv2d(3, 8, kernel_size=5)
torch.manual_seed(1)
w = nn.init.kaiming_uniform_(torch.empty(8, 3, 5, 5), a=math.sqrt(5))
fan_in = 3 * 5 * 5
b = nn.init.uniform_(torch.empty(8), -1 / math.sqrt(fan_in), 1 / math.sqrt(fan_in))
print("Conv2d weight:", torch.equal(conv.weight, w), "bias:", torch.equal(conv.bias, b))
