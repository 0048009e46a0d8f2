import torch

from nnref.optim import lockstep
from nnref.optim.rprop import Rprop

torch.manual_seed(0)
start = torch.randn(4, 3, dtype=torch.float64)
for options in [{}, dict(lr=0.1, etas=(0.3, 1.5), step_sizes=(1e-3, 1.0), maximize=True)]:
    ours = start.clone().requires_grad_()
    theirs = start.clone().requires_grad_()
    mine, reference = Rprop([ours], **options), torch.optim.Rprop([theirs], **options)
    equal = True
    for _ in lockstep(mine, reference, steps=25):  # a new random minibatch loss every step
        equal &= torch.allclose(ours, theirs)
        for key in ("prev", "step_size"):
            equal &= torch.allclose(mine.state[0][key], reference.state[theirs][key])
    print(options or "defaults", "-> equal to torch.optim.Rprop for 25 steps:", equal)
