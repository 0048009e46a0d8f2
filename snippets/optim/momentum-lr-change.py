import torch

from nnref.optim.momentum import VelocitySGD

# The same run in torch's form (b <- mu b + g, p <- p - lr b) and in the velocity
# form of Keras and Sutskever et al. (v <- mu v - lr g, p <- p + v); lr drops 10x at step 20.
ours = torch.tensor([-4.0, 2.0], requires_grad=True)
theirs = torch.tensor([-4.0, 2.0], requires_grad=True)
velocity_form = VelocitySGD([ours], lr=0.05, momentum=0.9)
torch_form = torch.optim.SGD([theirs], lr=0.05, momentum=0.9)

for step in range(1, 26):
    if step == 21:
        velocity_form.lr = 0.005
        torch_form.param_groups[0]["lr"] = 0.005
    before = ours.detach().clone(), theirs.detach().clone()
    for w, optimizer in ((ours, velocity_form), (theirs, torch_form)):
        optimizer.zero_grad()
        (0.1 * w[0] ** 2 + 2 * w[1] ** 2).backward()
        optimizer.step()
    if step in (19, 20, 21, 22, 25):
        moved = [
            (w.detach() - b).norm().item() for w, b in zip((ours, theirs), before, strict=True)
        ]
        print(f"step {step}: step length velocity form {moved[0]:.4f}, torch {moved[1]:.4f}")
