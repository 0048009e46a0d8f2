import warnings

import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
h = x * 3  # a non-leaf: its gradient is not kept by default
h.retain_grad()  # keep it
y = (h**2).sum()
y.backward()
print("h.grad =", h.grad.tolist(), "(2h)")
print("x.grad =", x.grad.tolist(), "(2h * 3)")

g = x * 3  # without retain_grad: .grad stays None (and torch warns)
(g**2).sum().backward()
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    print("g.grad =", g.grad)
print(h.is_leaf, g.is_leaf, h.retains_grad, g.retains_grad)
