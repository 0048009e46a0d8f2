import torch
from torch import nn

torch.manual_seed(0)

model = nn.Sequential(nn.LazyConv2d(6, kernel_size=3), nn.LazyBatchNorm2d(), nn.ReLU())
try:
    sum(p.numel() for p in model.parameters())  # before the first call: no shapes yet
except ValueError as error:
    print("ValueError:", str(error).split(" in ")[0])

y = model(torch.randn(2, 3, 8, 8))  # a dry run materializes every lazy layer
print("output", tuple(y.shape))
print(model[1])
print("parameters:", sum(p.numel() for p in model[1].parameters()))

# As the documentation recommends, create the optimizer after the dry run
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
print("tensors given to the optimizer:", len(optimizer.param_groups[0]["params"]))
