import torch
from torch import nn

torch.manual_seed(0)
c, h, w = 2, 2, 2
x = torch.arange(c * h * w).reshape(1, c, h, w)  # PyTorch: channels first (N, C, H, W)
x_keras = x.permute(0, 2, 3, 1)  # the same image in Keras' layout (N, H, W, C)

print("PyTorch Flatten:", nn.Flatten()(x).tolist())  # channel by channel
print("Keras Flatten:  ", nn.Flatten()(x_keras).tolist())  # pixel by pixel

# A Dense kernel trained after Keras' Flatten expects the second order. Copied as it is,
# its columns multiply the wrong features; permute them once to port it.
kernel = torch.randn(c * h * w, 3)  # Keras kernel (in, out)
y_keras = nn.Flatten()(x_keras).float() @ kernel
naive = nn.Flatten()(x).float() @ kernel
ported = kernel.reshape(h, w, c, 3).permute(2, 0, 1, 3).reshape(c * h * w, 3)  # rows (c, h, w)
fixed = nn.Flatten()(x).float() @ ported
print("copied as is:", torch.allclose(naive, y_keras))
print("rows permuted:", torch.allclose(fixed, y_keras))
