import torch

# x feeds two operations: exp(x) and the product a * x
x = torch.tensor(1.5, requires_grad=True)
a = torch.exp(x)
z = a * x
print(type(z.grad_fn).__name__, [type(n).__name__ for n, _ in z.grad_fn.next_functions])

# The backward pass sums the gradients arriving along both paths:
# dz/dx = (dz/da)(da/dx) + dz/dx|_direct = x e^x + e^x
z.backward()
print("autograd:", round(x.grad.item(), 4), "formula:", round((torch.exp(x) * (x + 1)).item(), 4))
