import torch
from torch.nn import functional as F

torch.manual_seed(0)
x = torch.randn(256, 3)
y = x @ torch.tensor([1.0, -2.0, 0.5]) + 0.1 * torch.randn(256)
w = torch.zeros(3, requires_grad=True)

for batch_size in (8, 64, 256):
    for reduction in ("mean", "sum"):
        loss = F.mse_loss(x[:batch_size] @ w, y[:batch_size], reduction=reduction)
        (grad,) = torch.autograd.grad(loss, w)
        print(f"batch {batch_size:3d}, reduction={reduction!r}: |grad| = {grad.norm():7.2f}")
