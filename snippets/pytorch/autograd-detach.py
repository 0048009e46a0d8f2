import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 2
d = y.detach()  # the same values, no history: a leaf that does not require grad
print(d.requires_grad, d.grad_fn, d.is_leaf)
print("shares storage:", d.data_ptr() == y.data_ptr())

# A detached factor is a constant for the gradient
(x * x.detach()).sum().backward()
print("d(x * const)/dx =", x.grad.tolist(), "(not 2x)")

# Shared storage: an in-place change of d changes y too
d.zero_()
print("y after d.zero_():", y.tolist())
print("to NumPy:", y.detach().numpy().tolist())  # .numpy() refuses a tensor that requires grad
