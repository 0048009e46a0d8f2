import torch
from torch import nn


class Affine(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.p = nn.ParameterDict({"scale": torch.ones(n), "shift": torch.zeros(n)})

    def forward(self, x):
        return x * self.p["scale"] + self.p["shift"]


model = Affine(3)
print([name for name, _ in model.named_parameters()])
print(type(model.p["scale"]).__name__, "| keys:", list(model.p.keys()))
x = torch.arange(6.0).reshape(2, 3)
print("identity at init:", torch.equal(model(x), x))

model.p["gate"] = torch.zeros(3)  # added later: registered too
print("after adding a key:", [name for name, _ in model.named_parameters()])
