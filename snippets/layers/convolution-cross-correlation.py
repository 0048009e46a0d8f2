import numpy as np
import torch
import torch.nn.functional as F

x = torch.tensor([[[0.0, 0.0, 1.0, 0.0, 0.0]]])  # an impulse
w = torch.tensor([[[1.0, 2.0, 3.0]]])

# PyTorch slides the kernel as it is: cross-correlation, the impulse copies w reversed
print("F.conv1d:       ", F.conv1d(x, w, padding=1)[0, 0].tolist())

# Convolution in the mathematical sense flips the kernel and copies it unreversed
print("np.convolve:    ", np.convolve(x[0, 0].numpy(), w[0, 0].numpy(), mode="same").tolist())
print("flipped kernel: ", F.conv1d(x, w.flip(-1), padding=1)[0, 0].tolist())
