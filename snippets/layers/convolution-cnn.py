import torch
from torch import nn

torch.manual_seed(0)

# Feature extractor (convolution + ReLU + pooling, twice), then a classifier
model = nn.Sequential(
    nn.Conv2d(1, 8, kernel_size=3, padding=1),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Conv2d(8, 16, kernel_size=3, padding=1),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Flatten(),
    nn.Linear(16 * 7 * 7, 10),
)
x = torch.randn(32, 1, 28, 28)  # a batch of 28 x 28 grey images
for layer in model:
    x = layer(x)
    print(f"{type(layer).__name__:10}", tuple(x.shape))

conv = sum(p.numel() for m in model if isinstance(m, nn.Conv2d) for p in m.parameters())
print("parameters: conv", conv, "linear", sum(p.numel() for p in model[-1].parameters()))

# The same first layer as a Linear on 28 x 28 pixels would need 8 * 784 * 784 weights
print("dense equivalent:", 8 * 784 * 784)
