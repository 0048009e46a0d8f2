import torch

from nnref.optim import lockstep
from nnref.optim.rmsprop import RMSprop

torch.manual_seed(0)
start = torch.randn(4, 3, dtype=torch.float64)
for options in [{}, dict(alpha=0.9, momentum=0.9, centered=True, weight_decay=0.01)]:
    ours = start.clone().requires_grad_()
    theirs = start.clone().requires_grad_()
    mine, reference = RMSprop([ours], **options), torch.optim.RMSprop([theirs], **options)
    equal = True
    for _ in lockstep(mine, reference, steps=25):  # a new random minibatch loss every step
        equal &= torch.allclose(ours, theirs)
        for key, value in reference.state[theirs].items():
            if key != "step":
                equal &= torch.allclose(mine.state[0][key], value)
    print(options or "defaults", "-> equal to torch.optim.RMSprop for 25 steps:", equal)
