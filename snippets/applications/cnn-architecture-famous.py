import torch
from torch import nn

from nnref.vision.shapes import Conv, Flatten, Linear, Pool, ReLU, trace

# VGG-16 (configuration D): 13 conv 3x3 layers in 5 blocks, 3 dense layers
specs, layers, channels = [], [], 3
for width, convs in [(64, 2), (128, 2), (256, 3), (512, 3), (512, 3)]:
    for _ in range(convs):
        specs += [Conv(width, 3, padding=1), ReLU()]
        layers += [nn.Conv2d(channels, width, 3, padding=1, device="meta"), nn.ReLU()]
        channels = width
    specs.append(Pool(2))
    layers.append(nn.MaxPool2d(2))
specs += [Flatten(), Linear(4096), ReLU(), Linear(4096), ReLU(), Linear(1000)]
with torch.device("meta"):  # parameters get shapes but no memory (550 MB otherwise)
    layers += [nn.Flatten(), nn.Linear(512 * 7 * 7, 4096), nn.ReLU(),
               nn.Linear(4096, 4096), nn.ReLU(), nn.Linear(4096, 1000)]  # fmt: skip
vgg16 = nn.Sequential(*layers)

stages = trace((1, 3, 224, 224), specs)
print("after the last pool:", stages[-7].shape, " flattened:", stages[-6].shape)
print(f"VGG-16: {sum(s.params for s in stages):,} (nnref)")
print(f"VGG-16: {sum(p.numel() for p in vgg16.parameters()):,} (torch)")
print("output:", tuple(vgg16(torch.zeros(1, 3, 224, 224, device="meta")).shape))
conv_share = sum(s.params for s in stages if isinstance(s.spec, Conv)) / sum(
    s.params for s in stages
)
print(f"share of the conv layers: {conv_share:.1%}")
