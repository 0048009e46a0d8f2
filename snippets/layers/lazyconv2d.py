import torch
from torch import nn

torch.manual_seed(0)

# Only out_channels per layer: each in_channels is inferred from the layer before
model = nn.Sequential(
    nn.LazyConv2d(16, kernel_size=3, padding=1),
    nn.ReLU(),
    nn.LazyConv2d(32, kernel_size=3, stride=2, padding=1),
)
print(
    "uninitialized:",
    any(isinstance(p, nn.parameter.UninitializedParameter) for p in model.parameters()),
)

# A dry run with one example materializes every parameter (do it before building the optimizer)
out = model(torch.zeros(1, 3, 64, 64))
print("output", tuple(out.shape))
for layer in (model[0], model[2]):
    print(type(layer).__name__, tuple(layer.weight.shape))
print("parameters:", sum(p.numel() for p in model.parameters()))  # 448 + 4640
