import math

import torch

w = torch.zeros(1, requires_grad=True)

# T_0=1, T_mult=3: cycles of 1, 3, 9, 27, 81 epochs, so a restart at epoch 121
stepped_opt = torch.optim.SGD([w], lr=0.1)
stepped = torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(stepped_opt, T_0=1, T_mult=3)
for _ in range(121):
    stepped_opt.step()
    stepped.step()
print("stepped 121 times:", stepped.get_last_lr())

jumped_opt = torch.optim.SGD([w], lr=0.1)
jumped = torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(jumped_opt, T_0=1, T_mult=3)
jumped_opt.step()
jumped.step(121)  # the cycle is found with math.log, which rounds down here
print("step(121):        ", jumped.get_last_lr())
print("math.log(243, 3) =", math.log(243, 3))
