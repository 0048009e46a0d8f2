import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 3), nn.BatchNorm1d(3))

try:
    model(torch.randn(1, 4))  # training mode, one example: one value per channel
except ValueError as error:
    print("ValueError:", error)

model.eval()  # evaluation uses the running statistics: any batch size works
print("eval, batch of 1:", tuple(model(torch.randn(1, 4)).shape))

# BatchNorm2d accepts one image (H * W values per channel), but its statistics are noisy
bn = nn.BatchNorm2d(3)
bn(torch.randn(1, 3, 2, 2))
print("running_mean after one 2x2 image:", [round(v, 3) for v in bn.running_mean.tolist()])
