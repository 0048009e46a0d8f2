import torch
import torch.nn.functional as F

torch.manual_seed(0)
h = torch.randn(10_000)

for scale in (1.0, 20.0):  # e.g. normalized features vs. unnormalized ones or a too-large init
    x = (scale * h).requires_grad_()
    F.relu6(x).sum().backward()
    zero = x.grad == 0
    below = (zero & (x <= 0)).float().mean().item()
    above = (zero & (x >= 6)).float().mean().item()
    print(f"scale {scale:4}: gradient 0 below (x <= 0) {below:.0%}, above (x >= 6) {above:.0%}")
