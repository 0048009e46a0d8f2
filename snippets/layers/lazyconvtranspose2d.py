import torch
from torch import nn

torch.manual_seed(0)

# A small decoder written without any in_channels
decoder = nn.Sequential(
    nn.LazyConvTranspose2d(32, kernel_size=4, stride=2, padding=1),
    nn.ReLU(),
    nn.LazyConvTranspose2d(3, kernel_size=4, stride=2, padding=1),
)
code = torch.randn(1, 64, 8, 8)
print("output", tuple(decoder(code).shape))  # 8 -> 16 -> 32
for layer in (decoder[0], decoder[2]):
    print(type(layer).__name__, "weight", tuple(layer.weight.shape))
