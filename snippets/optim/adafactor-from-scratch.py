import torch

from nnref.optim import lockstep
from nnref.optim.adafactor import Adafactor

torch.manual_seed(0)
shapes = [(3, 2), (4,), (2, 3, 4)]  # factored, full, factored over the last two dimensions
start = [torch.randn(shape, dtype=torch.float64) for shape in shapes]
ours = [t.clone().requires_grad_() for t in start]
theirs = [t.clone().requires_grad_() for t in start]
options = dict(lr=0.1, weight_decay=0.01)
optimizer_ours = Adafactor(ours, **options)
optimizer_theirs = torch.optim.Adafactor(theirs, **options)

equal = True
for _ in lockstep(optimizer_ours, optimizer_theirs, steps=25):  # a new minibatch loss per step
    for index, (a, b) in enumerate(zip(ours, theirs, strict=True)):
        equal &= torch.allclose(a, b)
        for key, value in optimizer_theirs.state[b].items():
            equal &= torch.allclose(optimizer_ours.state[index][key], value)

print("state of the (3, 2) parameter:", sorted(optimizer_theirs.state[theirs[0]]))
print("25 steps, parameters and state equal to torch.optim.Adafactor:", equal)
