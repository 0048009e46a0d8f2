import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(3, 2)
log = []
model.register_forward_pre_hook(lambda module, args: log.append("pre-hook"))
model.register_forward_hook(lambda module, args, output: log.append("hook"))
x = torch.randn(4, 3)

y1 = model(x)  # __call__: pre-hooks, forward, hooks
print("model(x):        ", log)
log.clear()
y2 = model.forward(x)  # forward alone: the hooks are silently skipped
print("model.forward(x):", log)
print("same values:", torch.equal(y1, y2))
