import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x**2  # a vector output: its Jacobian is diag(2x)

v = torch.tensor([1.0, 0.5, 0.25])
y.backward(gradient=v)  # computes v^T J, not J itself
print("x.grad =", x.grad.tolist())  # [2*1*1, 2*2*0.5, 2*3*0.25]
x.grad = None
(v * x**2).sum().backward()  # the same: the gradient of the scalar v . y
print("via (v * y).sum():", x.grad.tolist())
