import copy

import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(5, 1)
twin = copy.deepcopy(model)
x, y = torch.randn(32, 5), torch.randn(32, 1)
lam = 0.1

# SGD with weight_decay=lam ...
opt = torch.optim.SGD(model.parameters(), lr=0.5, weight_decay=lam)
for _ in range(10):
    opt.zero_grad()
    nn.functional.mse_loss(model(x), y).backward()
    opt.step()

# ... is SGD on the loss plus the penalty (lam / 2) * ||w||^2 (here on every parameter)
opt = torch.optim.SGD(twin.parameters(), lr=0.5)
for _ in range(10):
    opt.zero_grad()
    penalty = lam / 2 * sum(p.pow(2).sum() for p in twin.parameters())
    (nn.functional.mse_loss(twin(x), y) + penalty).backward()
    opt.step()

print("same weights:", torch.allclose(model.weight, twin.weight, atol=1e-6))
print("same bias:", torch.allclose(model.bias, twin.bias, atol=1e-6))
print(
    "gradient of the penalty = lam * w:",
    torch.allclose(
        torch.autograd.grad(lam / 2 * twin.weight.pow(2).sum(), twin.weight)[0], lam * twin.weight
    ),
)
