import torch
from torch import nn

model = nn.Sequential(
    nn.Conv2d(1, 4, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(36, 2)
)
shapes = {}


def record(module, inputs, output):  # called after every forward of the module
    shapes[type(module).__name__] = tuple(output.shape)


handles = [layer.register_forward_hook(record) for layer in model]
out = model(torch.zeros(5, 1, 8, 8))
print(shapes)

# A hook may return a replacement output; here it zeroes the ReLU's output
handle = model[1].register_forward_hook(lambda module, inputs, output: output * 0)
print(torch.equal(model(torch.randn(5, 1, 8, 8)), model[4].bias.expand(5, 2)))

for h in [*handles, handle]:
    h.remove()  # hooks stay until removed
shapes.clear()
model(torch.zeros(5, 1, 8, 8))
print("after remove():", shapes)
