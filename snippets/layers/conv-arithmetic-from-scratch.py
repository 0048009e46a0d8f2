import torch
from torch import nn

from nnref.layers.conv_shapes import (
    conv_output_shape,
    conv_transpose_output_shape,
    receptive_field,
    same_padding,
)

torch.manual_seed(0)

layer = nn.Conv2d(3, 8, kernel_size=(3, 5), stride=(2, 1), padding=(1, 2), dilation=(1, 2))
ours = conv_output_shape((32, 40), (3, 5), stride=(2, 1), padding=(1, 2), dilation=(1, 2))
print("conv:", ours, "==", tuple(layer(torch.zeros(1, 3, 32, 40)).shape[2:]))

up = nn.ConvTranspose2d(8, 3, kernel_size=3, stride=2, padding=1, output_padding=1)
ours = conv_transpose_output_shape((16, 20), 3, stride=2, padding=1, output_padding=1)
print("transposed:", ours, "==", tuple(up(torch.zeros(1, 8, 16, 20)).shape[2:]))

print("same padding of k=4:", same_padding(4))  # (left, right): the extra one goes right
print("receptive field of three 3x3 layers:", receptive_field([3, 3, 3]))
print("... with dilations 1, 2, 4:", receptive_field([3, 3, 3], dilations=[1, 2, 4]))

for call in (
    lambda: conv_output_shape(2, 3),  # kernel larger than the input
    lambda: conv_transpose_output_shape(4, 3, stride=2, output_padding=2),
):
    try:
        call()
    except ValueError as error:
        print("ValueError:", error)
