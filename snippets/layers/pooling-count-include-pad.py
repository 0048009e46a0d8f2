import torch
from torch import nn

image = torch.ones(1, 1, 4, 4)  # a constant image: a smoothing filter should return ones

blur = nn.AvgPool2d(3, stride=1, padding=1)  # count_include_pad=True by default
print(blur(image)[0, 0])  # dark border: zeros from the padding count

fixed = nn.AvgPool2d(3, stride=1, padding=1, count_include_pad=False)
print(fixed(image)[0, 0])  # divides by the real elements only
