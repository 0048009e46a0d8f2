import torch
from torch import nn


class Standardize(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.register_buffer("mean", torch.zeros(n))  # state, saved, not trained
        self.std = nn.Buffer(torch.ones(n))  # the same by assignment (torch >= 2.5)
        self.calls = nn.Buffer(torch.tensor(0), persistent=False)  # not in state_dict

    def forward(self, x):
        self.calls += 1
        return (x - self.mean) / self.std


m = Standardize(3)
print("parameters:", list(m.parameters()))
print("buffers:   ", [name for name, _ in m.named_buffers()])
print("state_dict:", list(m.state_dict()))
m(torch.randn(2, 3))
m(torch.randn(2, 3))
print("calls:", m.calls.item(), "| mean.requires_grad:", m.mean.requires_grad)

m.to(torch.float64)  # buffers move and convert with the module
print("after to(float64):", m.mean.dtype, m.calls.dtype)  # integer buffers keep their dtype

bn = nn.BatchNorm1d(3)
print("BatchNorm1d parameters:", [name for name, _ in bn.named_parameters()])
print("BatchNorm1d buffers:   ", [name for name, _ in bn.named_buffers()])
