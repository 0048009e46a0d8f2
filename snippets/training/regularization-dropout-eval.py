import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Dropout(p=0.5), nn.Linear(16, 1))
x = torch.randn(3, 4)

# Forgot model.eval(): dropout is still active, two predictions of the same input differ
print("train mode, same output twice:", torch.equal(model(x), model(x)))

model.eval()  # dropout becomes the identity
print("eval mode, same output twice:", torch.equal(model(x), model(x)))

# In training mode the kept units are scaled by 1 / (1 - p) = 2 (inverted dropout)
drop = nn.Dropout(p=0.5).train()
print("kept values:", drop(torch.ones(8)).unique().tolist())
