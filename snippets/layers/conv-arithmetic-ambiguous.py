import torch
from torch import nn

down = nn.Conv1d(1, 1, kernel_size=3, stride=2, padding=1)
up = nn.ConvTranspose1d(1, 1, kernel_size=3, stride=2, padding=1)

# Two input lengths give the same output length under a strided convolution ...
for length in (7, 8):
    print(f"Conv1d: {length} -> {down(torch.zeros(1, 1, length)).shape[-1]}")

# ... so the transposed layer must be told which one to produce
h = torch.zeros(1, 1, 4)
print("ConvTranspose1d: 4 ->", up(h).shape[-1])
print("with output_size=[8]: 4 ->", up(h, output_size=[8]).shape[-1])
print(
    "with output_padding=1: 4 ->",
    nn.ConvTranspose1d(1, 1, 3, stride=2, padding=1, output_padding=1)(h).shape[-1],
)
