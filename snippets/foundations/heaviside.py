import torch

z = torch.tensor([-1.5, 0.0, 0.0, 2.0])

# torch.heaviside(input, values): 0 below zero, 1 above, `values` exactly at zero
print(torch.heaviside(z, torch.tensor(0.0)))
print(torch.heaviside(z, torch.tensor(1.0)))
print(torch.heaviside(z, torch.tensor([9.0, 0.5, 0.25, 9.0])))  # broadcast like z

# A McCulloch-Pitts threshold unit: fire when w . x + b > 0 (here AND of two inputs)
x = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
w, b = torch.tensor([1.0, 1.0]), -1.5
print("AND:", torch.heaviside(x @ w + b, torch.tensor(0.0)))
print(
    "same as (z > 0):",
    torch.equal(torch.heaviside(x @ w + b, torch.tensor(0.0)), (x @ w + b > 0).float()),
)

# Both arguments must have the same dtype
try:
    torch.heaviside(z, torch.tensor(0))
except RuntimeError as error:
    print("RuntimeError:", str(error).splitlines()[0])
