import torch
from torch import nn

from nnref.layers.containers import TinySequential
from nnref.layers.module import TinyLinear, TinyModule, TinyReLU


class TinyNet(TinyModule):  # the from-scratch base class
    def __init__(self):
        super().__init__()
        self.body = TinySequential(TinyLinear(4, 8), TinyReLU(), TinyLinear(8, 3))
        self.scale = nn.Parameter(torch.ones(3))
        self.register_buffer("mean", torch.zeros(4))

    def forward(self, x):
        return self.body(x - self.mean) * self.scale


class Net(nn.Module):  # the same network with torch.nn
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3))
        self.scale = nn.Parameter(torch.ones(3))
        self.register_buffer("mean", torch.zeros(4))

    def forward(self, x):
        return self.body(x - self.mean) * self.scale


ours, theirs = TinyNet(), Net()
print("state_dict keys:", list(ours.state_dict()))
print("same keys as torch:", list(ours.state_dict()) == list(theirs.state_dict()))
print(
    "same parameter names:",
    [n for n, _ in ours.named_parameters()] == [n for n, _ in theirs.named_parameters()],
)
print(ours.load_state_dict(theirs.state_dict()))  # copy torch's weights into ours

x = torch.randn(2, 4)
print("same output:", torch.allclose(ours(x), theirs(x)))
ours.body.eval()
theirs.body.eval()
print(
    "training flags:",
    [m.training for m in ours.modules()],
    [m.training for m in ours.modules()] == [m.training for m in theirs.modules()],
)

calls = []
for model in (ours, theirs):
    model.body.register_forward_hook(lambda m, args, out: calls.append(tuple(out.shape)))
    model(x)
print("hook calls:", calls)
