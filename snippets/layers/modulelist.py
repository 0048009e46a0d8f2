import torch
from torch import nn

torch.manual_seed(0)


class ResidualStack(nn.Module):
    def __init__(self, width, depth):
        super().__init__()
        self.blocks = nn.ModuleList(nn.Linear(width, width) for _ in range(depth))

    def forward(self, x):  # the loop, and what happens in it, is ours to write
        for block in self.blocks:
            x = x + torch.relu(block(x))
        return x


model = ResidualStack(width=4, depth=3)
print("blocks:", len(model.blocks), "| parameters:", sum(p.numel() for p in model.parameters()))
print([name for name, _ in model.named_parameters()][:4], "...")
print("output", tuple(model(torch.randn(2, 4)).shape))

model.blocks.append(nn.Linear(4, 4))  # registered as "blocks.3"
print("after append:", len(list(model.parameters())), "parameter tensors")
try:
    model.blocks(torch.randn(2, 4))  # a ModuleList has no forward
except NotImplementedError as error:
    print("NotImplementedError:", error)
