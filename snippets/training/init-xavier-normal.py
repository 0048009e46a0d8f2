import math

import torch
from torch import nn

torch.manual_seed(0)

conv = nn.Conv2d(16, 32, kernel_size=3)  # weight (32, 16, 3, 3)
nn.init.xavier_normal_(conv.weight)
fan_in, fan_out = 16 * 3 * 3, 32 * 3 * 3  # channels times the kernel area
std = math.sqrt(2 / (fan_in + fan_out))
print("fan_in, fan_out:", fan_in, fan_out)
print("std formula:", round(std, 4), "measured:", round(conv.weight.std().item(), 4))
print("requires_grad kept:", conv.weight.requires_grad)
