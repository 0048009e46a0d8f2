import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 4), nn.BatchNorm1d(4), nn.Dropout(0.5), nn.Linear(4, 1))
x = torch.randn(8, 4)
bn = model[1]

print("training:", model.training)
print("  same output twice:", torch.equal(model(x), model(x)))  # new dropout masks each call
print("  BatchNorm updates so far:", bn.num_batches_tracked.item())

model.eval()  # dropout off; BatchNorm uses its running statistics and stops updating them
print("eval:", not model.training)
print("  same output twice:", torch.equal(model(x), model(x)))
print("  BatchNorm updates so far:", bn.num_batches_tracked.item())
print("  still records gradients:", model(x).requires_grad)  # eval() is not no_grad()
with torch.no_grad():
    print("  under no_grad():", model(x).requires_grad)
