import torch
from torch import nn

w = torch.empty(16, 3, 3, 3)
print(torch.numel(w), w.numel())  # 16 * 3 * 3 * 3 elements, the same number

model = nn.Sequential(nn.Conv2d(3, 16, 3), nn.BatchNorm2d(16), nn.Flatten(), nn.LazyLinear(10))
model(torch.zeros(1, 3, 8, 8))  # a lazy layer learns its in_features on the first call
for name, p in model.named_parameters():
    print(f"{name:10} {tuple(p.shape)!s:12} {p.numel():5}")
print("parameters:", sum(p.numel() for p in model.parameters()))
print("trainable: ", sum(p.numel() for p in model.parameters() if p.requires_grad))
# BatchNorm's running mean and variance are buffers, not parameters
print("buffers:   ", sum(b.numel() for b in model.buffers()))
