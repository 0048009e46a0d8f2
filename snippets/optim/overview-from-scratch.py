import copy

import torch

from nnref.optim.param_groups import GroupedSGD

torch.manual_seed(0)
start = [torch.randn(3, 2), torch.randn(3)]
ours = [t.clone().requires_grad_() for t in start]
theirs = [t.clone().requires_grad_() for t in start]


def groups(params):  # a weight with momentum and weight decay, a bias with its own lr
    return [{"params": [params[0]], "weight_decay": 0.01}, {"params": [params[1]], "lr": 0.05}]


optimizers = [
    GroupedSGD(groups(ours), lr=0.1, momentum=0.9),
    torch.optim.SGD(groups(theirs), lr=0.1, momentum=0.9),
]


def train(params, optimizer, steps):
    for _ in range(steps):
        optimizer.zero_grad()
        loss = sum(((p - 1) ** 2).sum() for p in params)  # any differentiable loss
        loss.backward()
        optimizer.step()


for params, optimizer in zip((ours, theirs), optimizers, strict=True):
    train(params, optimizer, 10)
print("10 steps, same parameters:", all(map(torch.allclose, ours, theirs)))

# Save torch's state, load it into ours (and ours into torch), train both further
ours_saved, theirs_saved = optimizers[0].state_dict(), optimizers[1].state_dict()
print(
    "same state_dict layout:",
    [g["params"] for g in ours_saved["param_groups"]]
    == [g["params"] for g in theirs_saved["param_groups"]],
)
optimizers[0].load_state_dict(copy.deepcopy(theirs_saved))
optimizers[1].load_state_dict(copy.deepcopy(ours_saved))
for params, optimizer in zip((ours, theirs), optimizers, strict=True):
    train(params, optimizer, 10)
print("after the exchange, same parameters:", all(map(torch.allclose, ours, theirs)))
