import torch
from torch import nn

torch.manual_seed(0)


class Prototypes(nn.Module):
    """One learned prototype per class; the score is minus the squared distance."""

    def __init__(self, n_classes, dim):
        super().__init__()
        self.protos = nn.ParameterList(torch.randn(dim) for _ in range(n_classes))

    def forward(self, x):
        return torch.stack([-((x - p) ** 2).sum(dim=1) for p in self.protos], dim=1)


model = Prototypes(n_classes=3, dim=2)
print([name for name, _ in model.named_parameters()])
print(type(model.protos[0]).__name__, "| requires_grad:", model.protos[0].requires_grad)
print("scores", tuple(model(torch.randn(5, 2)).shape))

model.protos.append(torch.zeros(2))  # a plain tensor is wrapped in a Parameter
print("after append:", len(model.protos), type(model.protos[3]).__name__)
