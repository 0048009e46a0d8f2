import torch

from nnref.optim import lockstep
from nnref.optim.adadelta import Adadelta

torch.manual_seed(0)
start = torch.randn(4, 3, dtype=torch.float64)
for options in [{}, dict(lr=0.5, rho=0.95, eps=1e-4, weight_decay=0.01, maximize=True)]:
    ours = start.clone().requires_grad_()
    theirs = start.clone().requires_grad_()
    mine, reference = Adadelta([ours], **options), torch.optim.Adadelta([theirs], **options)
    equal = True
    for _ in lockstep(mine, reference, steps=25):  # a new random minibatch loss every step
        equal &= torch.allclose(ours, theirs)
        for key in ("square_avg", "acc_delta"):
            equal &= torch.allclose(mine.state[0][key], reference.state[theirs][key])
    print(options or "defaults", "-> equal to torch.optim.Adadelta for 25 steps:", equal)
