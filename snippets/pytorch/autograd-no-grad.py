import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(3, 1)
x = torch.randn(4, 3)

with torch.no_grad():  # nothing inside is recorded
    y = model(x)
print(y.requires_grad, y.grad_fn, torch.is_grad_enabled())

with torch.no_grad():
    for p in model.parameters():  # a manual update of parameters
        p -= 0.1 * torch.ones_like(p)
print(model.bias.is_leaf, model.bias.requires_grad)  # still trainable leaves


@torch.no_grad()  # also a decorator
def predict(inputs):
    return model(inputs)


print(predict(x).requires_grad)
with torch.no_grad(), torch.enable_grad():  # enable_grad switches recording back on
    print(model(x).requires_grad)
