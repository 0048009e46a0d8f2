import torch
from torch import nn

from nnref.layers.containers import (
    TinyModuleDict,
    TinyModuleList,
    TinyParameterList,
    TinySequential,
)
from nnref.layers.module import TinyLinear, TinyModule, TinyReLU


class TinyNet(TinyModule):
    def __init__(self):
        super().__init__()
        self.stem = TinySequential(TinyLinear(4, 8), TinyReLU())
        self.blocks = TinyModuleList([TinyLinear(8, 8), TinyLinear(8, 8)])
        self.heads = TinyModuleDict({"label": TinyLinear(8, 3), "box": TinyLinear(8, 4)})
        self.scales = TinyParameterList([torch.ones(8), torch.ones(8)])


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = nn.Sequential(nn.Linear(4, 8), nn.ReLU())
        self.blocks = nn.ModuleList([nn.Linear(8, 8), nn.Linear(8, 8)])
        self.heads = nn.ModuleDict({"label": nn.Linear(8, 3), "box": nn.Linear(8, 4)})
        self.scales = nn.ParameterList([torch.ones(8), torch.ones(8)])


ours, theirs = TinyNet(), Net()
names = [name for name, _ in ours.named_parameters()]
print(len(names), "parameters:", names[:3], "...", names[-2:])
print("same names and order as torch:", names == [n for n, _ in theirs.named_parameters()])
print(
    "same modules:", [n for n, _ in ours.named_modules()] == [n for n, _ in theirs.named_modules()]
)

ours.load_state_dict(theirs.state_dict())
x = torch.randn(2, 4)
print("stem equal:", torch.allclose(ours.stem(x), theirs.stem(x)))
print("stem[1:] names:", [n for n, _ in ours.stem[1:].named_children()])
