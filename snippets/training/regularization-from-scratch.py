import copy

import torch
from torch import nn

from nnref.training.regularization import (
    elastic_net_penalty,
    elastic_net_penalty_grad,
    l1_penalty_grad,
    l2_penalty,
    l2_penalty_grad,
    parameter_groups,
)

torch.manual_seed(0)
w = torch.randn(3, 4, requires_grad=True)
(g2,) = torch.autograd.grad(l2_penalty([w], 0.1), w)
print("L2 grad = autograd:", torch.allclose(g2, l2_penalty_grad(w, 0.1)))
(g1,) = torch.autograd.grad(w.abs().sum() * 0.1, w)
print("L1 grad = autograd:", torch.allclose(g1, l1_penalty_grad(w, 0.1)))
(ge,) = torch.autograd.grad(elastic_net_penalty([w], 0.1, 0.2), w)
print("elastic grad = autograd:", torch.allclose(ge, elastic_net_penalty_grad(w, 0.1, 0.2)))

# SGD(weight_decay) == SGD on loss + l2_penalty
model = nn.Linear(4, 1)
twin = copy.deepcopy(model)
x, y = torch.randn(8, 4), torch.randn(8, 1)
a = torch.optim.SGD(model.parameters(), lr=0.1, weight_decay=0.3)
b = torch.optim.SGD(twin.parameters(), lr=0.1)
a.zero_grad()
nn.functional.mse_loss(model(x), y).backward()
a.step()
b.zero_grad()
(nn.functional.mse_loss(twin(x), y) + l2_penalty(twin.parameters(), 0.3)).backward()
b.step()
print("SGD weight_decay equivalent:", torch.allclose(model.weight, twin.weight))

net = nn.Sequential(
    nn.Conv2d(3, 8, 3), nn.BatchNorm2d(8), nn.ReLU(), nn.Flatten(), nn.Linear(8 * 6 * 6, 10)
)
groups = parameter_groups(net, 0.05)
print("decayed shapes:", [tuple(p.shape) for p in groups[0]["params"][:1]])
print(
    "not decayed:", len(groups[1]["params"]), "tensors (conv bias, BN weight and bias, linear bias)"
)
