import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(3, 1)
x = torch.randn(4, 3)

with torch.inference_mode():  # like no_grad, and also no version counters
    y = model(x)
print(y.requires_grad, y.is_inference())

try:
    (y * model.weight).sum().backward()  # an inference tensor cannot enter autograd
except RuntimeError as error:
    print("RuntimeError:", str(error).split(". ")[0] + ".")

z = y.clone()  # a clone outside inference mode is a normal tensor
print(z.is_inference(), torch.equal(z, y))
