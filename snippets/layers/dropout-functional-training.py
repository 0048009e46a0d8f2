import torch
import torch.nn.functional as F
from torch import nn


class Wrong(nn.Module):
    def forward(self, x):
        return F.dropout(x, p=0.5)  # training defaults to True: dropout even after .eval()


class Right(nn.Module):
    def forward(self, x):
        return F.dropout(x, p=0.5, training=self.training)


torch.manual_seed(0)
x = torch.ones(8)
for module in (Wrong().eval(), Right().eval()):
    print(type(module).__name__, module(x))
