import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
x = torch.randn(256, 2)
y = (x[:, :1] * x[:, 1:]).sin()  # a smooth regression target


def train(lr: float) -> nn.Linear:
    torch.manual_seed(0)
    hidden, out = nn.Linear(2, 32), nn.Linear(32, 1)
    optimizer = torch.optim.Adam([*hidden.parameters(), *out.parameters()], lr=lr)
    for _ in range(100):
        optimizer.zero_grad()
        F.mse_loss(out(torch.relu(hidden(x))), y).backward()
        optimizer.step()
    return hidden


for lr in (0.01, 1.0):
    hidden = train(lr)
    pre = hidden(x)  # pre-activations: (256 samples, 32 units)
    dead = (pre <= 0).all(dim=0)  # units that are negative on every sample
    print(f"lr={lr}: {int(dead.sum())} of 32 units dead", dead.nonzero().flatten().tolist())

# after lr=1.0: the dead units get no gradient through ReLU, so no optimizer step revives them
(grad,) = torch.autograd.grad(torch.relu(pre).sum(), hidden.weight, retain_graph=True)
(leaky,) = torch.autograd.grad(F.leaky_relu(pre).sum(), hidden.weight)
print("weight gradient of the dead units through ReLU is zero:", bool((grad[dead] == 0).all()))
print("through LeakyReLU it is not:", bool((leaky[dead] != 0).all()))
