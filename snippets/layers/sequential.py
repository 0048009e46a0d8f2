from collections import OrderedDict

import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3))
x = torch.randn(5, 4)
print("output", tuple(model(x).shape))
print("same as chaining by hand:", torch.equal(model(x), model[2](model[1](model[0](x)))))

print("model[-1]:", model[-1])
print("model[1:] keeps the names:", [name for name, _ in model[1:].named_children()])
model.append(nn.Softmax(dim=1))  # registered as "3"
print("after append:", len(model), [name for name, _ in model.named_children()])

named = nn.Sequential(OrderedDict(hidden=nn.Linear(4, 8), act=nn.ReLU(), out=nn.Linear(8, 3)))
print("OrderedDict names:", [name for name, _ in named.named_parameters()])
print("named.hidden is named[0]:", named.hidden is named[0])
