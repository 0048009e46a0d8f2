import torch
from torch import nn

torch.manual_seed(0)

# A decoder step: halve the channels, double H and W
layer = nn.ConvTranspose2d(16, 8, kernel_size=3, stride=2, padding=1, output_padding=1)
print("weight", tuple(layer.weight.shape))  # (in_channels, out_channels / groups, kH, kW)

x = torch.randn(2, 16, 7, 7)
print("output", tuple(layer(x).shape))  # (7 - 1) * 2 - 2 + 3 + 1 = 14

# Without output_padding the result is 13: a Conv2d with k=3, s=2, p=1 maps 13 and 14 to 7
plain = nn.ConvTranspose2d(16, 8, kernel_size=3, stride=2, padding=1)
print("no output_padding", tuple(plain(x).shape))
print("output_size=(14, 14)", tuple(plain(x, output_size=(14, 14)).shape))

down = nn.Conv2d(8, 16, kernel_size=3, stride=2, padding=1)
print(
    "Conv2d sizes 13 and 14 ->",
    down(torch.zeros(1, 8, 13, 13)).shape[-1],
    down(torch.zeros(1, 8, 14, 14)).shape[-1],
)
