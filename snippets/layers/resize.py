import torch
from torch.nn import functional as F

x = torch.zeros(1, 1, 8, 8, dtype=torch.float64)
x[0, 0, 3, 3] = 16.0  # one bright pixel

# Any target size, up or down: the counterpart of Keras' Resizing layer
print(tuple(F.interpolate(x, size=(12, 5), mode="bilinear").shape))

# Shrinking 8x8 -> 2x2: plain bilinear reads only the 2x2 pixels around each sample point
plain = F.interpolate(x, size=(2, 2), mode="bilinear")
smooth = F.interpolate(x, size=(2, 2), mode="bilinear", antialias=True)  # low-pass first
area = F.interpolate(x, size=(2, 2), mode="area")  # the mean of each 4x4 block
print("bilinear:  ", plain[0, 0].round(decimals=2).tolist())  # the bright pixel is lost
print("antialias: ", smooth[0, 0].round(decimals=2).tolist())
print("area:      ", area[0, 0].round(decimals=2).tolist())
