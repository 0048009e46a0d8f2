import torch
from torch import nn

model = nn.Linear(3, 1)
decay = [p for name, p in model.named_parameters() if name.endswith("weight")]
no_decay = [p for name, p in model.named_parameters() if name.endswith("bias")]
optimizer = torch.optim.SGD(
    [{"params": decay, "weight_decay": 0.1}, {"params": no_decay, "weight_decay": 0.0}],
    lr=0.5,
)
for group in optimizer.param_groups:
    print("group: lr", group["lr"], "weight_decay", group["weight_decay"])

# With a zero loss gradient only weight decay moves the parameters
weight, bias = model.weight.detach().clone(), model.bias.detach().clone()
optimizer.zero_grad()
(0 * model(torch.ones(1, 3))).sum().backward()
optimizer.step()
print("weight scaled by 1 - lr * wd = 0.95:", torch.allclose(model.weight, 0.95 * weight))
print("bias unchanged:", torch.equal(model.bias, bias))
