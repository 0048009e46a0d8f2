import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.BatchNorm1d(8), nn.Dropout(0.5), nn.Linear(8, 1))
x = torch.randn(16, 4)

# Validation forgotten in training mode (torch.no_grad() alone does NOT switch modes):
with torch.no_grad():
    before = model[1].running_mean.clone()
    a, b = model(x), model(x)
print("train mode: two passes agree:", torch.equal(a, b))  # dropout is random
print("train mode: running_mean changed:", not torch.equal(model[1].running_mean, before))

model.eval()
with torch.no_grad():
    before = model[1].running_mean.clone()
    a, b = model(x), model(x)
print("eval mode: two passes agree:", torch.equal(a, b))
print("eval mode: running_mean changed:", not torch.equal(model[1].running_mean, before))
print("one example in eval mode works:", tuple(model(x[:1]).shape))
