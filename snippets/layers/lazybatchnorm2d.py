import torch
from torch import nn

torch.manual_seed(0)

model = nn.Sequential(nn.LazyConv2d(6, kernel_size=3), nn.LazyBatchNorm2d(), nn.ReLU())
y = model(torch.randn(2, 3, 8, 8))  # a dry run materializes every lazy layer
print("output", tuple(y.shape))
print(model[1])
print("parameters:", sum(p.numel() for p in model[1].parameters()))

# Create the optimizer only after the dry run: before it there is no tensor to optimize
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
print("tensors given to the optimizer:", len(optimizer.param_groups[0]["params"]))
