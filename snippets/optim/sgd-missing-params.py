import torch
from torch import nn

torch.manual_seed(0)
body = nn.Linear(4, 8)
optimizer = torch.optim.SGD(body.parameters(), lr=0.1)  # built before the head existed
head = nn.Linear(8, 1)
model = nn.Sequential(body, nn.ReLU(), head)

head_before = head.weight.detach().clone()
body_before = body.weight.detach().clone()
x, y = torch.randn(16, 4), torch.randn(16, 1)
for _ in range(5):
    optimizer.zero_grad()
    nn.functional.mse_loss(model(x), y).backward()
    optimizer.step()

print("head has a gradient:", head.weight.grad is not None)
print("head changed:", not torch.equal(head.weight, head_before))
print("body changed:", not torch.equal(body.weight, body_before))
print("parameters in the optimizer:", sum(len(g["params"]) for g in optimizer.param_groups))
print("parameters in the model:    ", len(list(model.parameters())))
