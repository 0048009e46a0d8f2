import torch

from nnref.optim import lockstep
from nnref.optim.adagrad import Adagrad

torch.manual_seed(0)
start = torch.randn(4, 3, dtype=torch.float64)
ours = start.clone().requires_grad_()
theirs = start.clone().requires_grad_()
options = dict(lr=0.1, lr_decay=0.01, weight_decay=0.01, initial_accumulator_value=0.1)
mine, reference = Adagrad([ours], **options), torch.optim.Adagrad([theirs], **options)

equal = True
for _ in lockstep(mine, reference, steps=25):  # a new random minibatch loss every step
    equal &= torch.allclose(ours, theirs)
    equal &= torch.allclose(mine.state[0]["sum"], reference.state[theirs]["sum"])
print("25 steps, parameters and accumulators equal to torch.optim.Adagrad:", equal)
