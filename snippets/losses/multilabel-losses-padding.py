import torch
from torch import nn

x = torch.tensor([[0.1, 0.2, 0.4, 0.8]])
loss_fn = nn.MultiLabelMarginLoss()

print("[3, 0, -1, -1]:", loss_fn(x, torch.tensor([[3, 0, -1, -1]])))
print("[3, -1, 0, -1]:", loss_fn(x, torch.tensor([[3, -1, 0, -1]])))  # 0 after -1 is ignored
print("[-1, 3, 0, -1]:", loss_fn(x, torch.tensor([[-1, 3, 0, -1]])))  # no class at all
print("[3, 0, 0, -1]: ", loss_fn(x, torch.tensor([[3, 0, 0, -1]])))  # 0 listed twice
