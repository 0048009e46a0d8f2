import torch
from torch.nn import functional as F

x = torch.arange(5.0, dtype=torch.float64).reshape(1, 1, 5)  # 0 1 2 3 4

by_factor = F.interpolate(x, scale_factor=1.5, mode="linear")  # 7 samples, step 1/1.5
by_size = F.interpolate(x, size=7, mode="linear")  # 7 samples, step 5/7
print("scale_factor=1.5:", by_factor[0, 0].round(decimals=3).tolist())
print("size=7:          ", by_size[0, 0].round(decimals=3).tolist())
recomputed = F.interpolate(x, scale_factor=1.5, mode="linear", recompute_scale_factor=True)
print("recompute_scale_factor=True equals size=7:", torch.equal(recomputed, by_size))
