import torch

w = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
x = torch.tensor([1.0, -1.0])

loss = torch.tanh(w @ x).sum()  # a scalar: backward() needs no argument
loss.backward()
print(w.grad)  # d loss / d w, shape of w
print(torch.allclose(w.grad, torch.outer(1 - torch.tanh(w.detach() @ x) ** 2, x)))

h = w @ x  # a vector output: pass the gradient vector v (computes v^T J)
w.grad = None
h.backward(torch.tensor([1.0, 2.0]))
print(w.grad)

# inputs=...: accumulate only into the listed leaves
b = torch.tensor(1.0, requires_grad=True)
w.grad = None
(w.sum() * b).backward(inputs=[b])
print(b.grad.item(), w.grad)
