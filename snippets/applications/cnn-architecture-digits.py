import torch
from torch import nn

from nnref.vision.shapes import BatchNorm, Conv, Flatten, Linear, Pool, ReLU, trace

specs = [
    Conv(16, 3, padding=1), BatchNorm(), ReLU(), Pool(2),
    Conv(32, 3, padding=1), BatchNorm(), ReLU(), Pool(2),
    Flatten(), Linear(64), ReLU(), Linear(10),
]  # fmt: skip
model = nn.Sequential(
    nn.Conv2d(1, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(16, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
    nn.Flatten(), nn.Linear(32 * 2 * 2, 64), nn.ReLU(), nn.Linear(64, 10),
)  # fmt: skip

# torch: record every stage's output shape with forward hooks
seen = []
for layer in model:
    layer.register_forward_hook(lambda module, inputs, output: seen.append(tuple(output.shape)))
model(torch.zeros(64, 1, 8, 8))  # a batch of 64 digits, 8 x 8 pixels, 1 channel

stages = trace((64, 1, 8, 8), specs)  # nnref: shape arithmetic only
for layer, stage, shape in zip(model, stages, seen, strict=True):
    params = sum(p.numel() for p in layer.parameters())
    print(f"{type(layer).__name__:12} {stage.shape!s:18} {stage.params:5}", end="  ")
    print(stage.shape == shape and stage.params == params)
print("total:", sum(s.params for s in stages), sum(p.numel() for p in model.parameters()))
