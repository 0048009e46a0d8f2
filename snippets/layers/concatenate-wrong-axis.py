import torch
from torch import nn

skip = torch.randn(2, 16, 8, 8)  # (N, C, H, W)
up = torch.randn(2, 16, 8, 8)

wrong = torch.cat([skip, up], dim=-1)  # Keras' axis=-1, copied: joins the widths
right = torch.cat([skip, up], dim=1)  # channels are dim 1 in PyTorch
print("dim=-1:", tuple(wrong.shape), "| dim=1:", tuple(right.shape))

conv = nn.Conv2d(32, 8, kernel_size=3, padding=1)  # expects 16 + 16 channels
print("conv(right):", tuple(conv(right).shape))
try:
    conv(wrong)
except RuntimeError as error:
    print("RuntimeError:", error)
