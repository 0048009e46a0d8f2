import torch
from torch import nn

torch.manual_seed(0)


class MultiTask(nn.Module):
    def __init__(self):
        super().__init__()
        self.trunk = nn.Linear(4, 8)
        self.heads = nn.ModuleDict({"label": nn.Linear(8, 3), "box": nn.Linear(8, 4)})

    def forward(self, x, task):
        return self.heads[task](torch.relu(self.trunk(x)))


model = MultiTask()
print("keys (insertion order):", list(model.heads.keys()))
print([name for name, _ in model.named_parameters()])
x = torch.randn(2, 4)
print("label:", tuple(model(x, "label").shape), "| box:", tuple(model(x, "box").shape))
print("'box' in heads:", "box" in model.heads)

activations = nn.ModuleDict({"relu": nn.ReLU(), "tanh": nn.Tanh()})  # choose a layer by name
print("tanh(0) =", activations["tanh"](torch.zeros(1)).item())
