import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3))
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

model[2] = nn.Linear(8, 2)  # WRONG: a new head after the optimizer was built
before = model[2].weight.detach().clone()
x, y = torch.randn(16, 4), torch.randint(0, 2, (16,))
for _ in range(5):
    optimizer.zero_grad()
    nn.functional.cross_entropy(model(x), y).backward()
    optimizer.step()
print("new head has gradients:", model[2].weight.grad is not None)
print("new head updated:", not torch.equal(model[2].weight, before))

# Right: build the optimizer after the model is final, or add the new parameters
optimizer.add_param_group({"params": model[2].parameters()})
optimizer.step()
print("after add_param_group:", not torch.equal(model[2].weight, before))

# A generator of parameters can be consumed only once
params = model.parameters()
print("number of tensors:", len(list(params)))  # consumes the generator
try:
    torch.optim.SGD(params, lr=0.1)
except ValueError as error:
    print("ValueError:", error)
