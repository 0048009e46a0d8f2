import torch

# The step function has derivative 0 everywhere (and none at 0): gradient descent cannot train it
w = torch.tensor([0.5, -0.3], requires_grad=True)
x = torch.tensor([1.0, 2.0])
try:
    torch.heaviside(x @ w, torch.tensor(0.0)).backward()
except RuntimeError as error:
    print("RuntimeError:", str(error).splitlines()[0])

# A comparison cuts the graph: the output does not even require a gradient
print("(z > 0).float() requires grad:", (x @ w > 0).float().requires_grad)

# A smooth unit (sigmoid) gives a usable gradient: this is why MLPs replaced the step
torch.sigmoid(x @ w).backward()
print("sigmoid gradient:", w.grad)
