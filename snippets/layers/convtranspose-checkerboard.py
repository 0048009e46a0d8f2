import torch
import torch.nn.functional as F

# A flat input and a flat kernel: the output counts how many windows overlap each pixel
flat = torch.ones(1, 1, 3, 3)
print("k=3, s=2 (k not divisible by s): uneven, a checkerboard")
print(F.conv_transpose2d(flat, torch.ones(1, 1, 3, 3), stride=2)[0, 0].int())
print("k=4, s=2: every interior pixel gets the same number of contributions")
print(F.conv_transpose2d(flat, torch.ones(1, 1, 4, 4), stride=2, padding=1)[0, 0].int())
