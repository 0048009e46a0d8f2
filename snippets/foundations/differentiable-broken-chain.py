import torch

x = torch.tensor([0.3, 1.7], requires_grad=True)

# .item(), .tolist(), .numpy() leave the graph: the result is a constant for autograd
y = torch.tensor([v**2 for v in x.tolist()])
print("through tolist: requires_grad =", y.requires_grad)

# round, argmax, comparisons are piecewise constant: the gradient is zero (or undefined)
torch.round(x * 2).sum().backward()
print("d round(2x)/dx:", x.grad.tolist())
print("argmax has no grad_fn:", torch.argmax(x * 2).grad_fn)

# differentiable replacement: a soft version
x.grad = None
torch.softmax(x * 2, dim=0)[1].backward()
print("d softmax(2x)_1/dx:", [round(v, 4) for v in x.grad.tolist()])
