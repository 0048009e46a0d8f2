import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(3, 1)
x = torch.randn(4, 3)

for training in (True, False):
    with torch.set_grad_enabled(training):  # one loop body for training and evaluation
        loss = model(x).pow(2).mean()
    print("training" if training else "evaluation", loss.requires_grad)

torch.set_grad_enabled(False)  # also a plain function call: switches recording off
print(torch.is_grad_enabled(), model(x).requires_grad)
torch.set_grad_enabled(True)  # and back on
print(torch.is_grad_enabled())
