import torch
from torch import nn


class Broken(nn.Module):
    def __init__(self):
        super().__init__()
        self.blocks = [nn.Linear(4, 4) for _ in range(3)]  # a Python list: not registered


class Fixed(nn.Module):
    def __init__(self):
        super().__init__()
        self.blocks = nn.ModuleList(nn.Linear(4, 4) for _ in range(3))


broken, fixed = Broken(), Fixed()
print("parameters():", len(list(broken.parameters())), "vs", len(list(fixed.parameters())))
print("state_dict():", len(broken.state_dict()), "vs", len(fixed.state_dict()))
try:
    torch.optim.SGD(broken.parameters(), lr=0.1)
except ValueError as error:
    print("ValueError:", error)

broken.to(torch.float64)
fixed.to(torch.float64)
print(".to(float64):", broken.blocks[0].weight.dtype, "vs", fixed.blocks[0].weight.dtype)
broken.eval()
print("eval() reaches the blocks:", not broken.blocks[0].training)
