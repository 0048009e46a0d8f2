import torch

x = torch.tensor(5.0, requires_grad=True)  # leaves: inputs we want gradients for
y = torch.tensor(7.0, requires_grad=True)

f = 3 * x**2 + 2 * y  # the forward pass records a graph
print("f =", f.item(), f.grad_fn.name())  # the node that produced f
print("leaves:", x.is_leaf, y.is_leaf, " f is a leaf:", f.is_leaf)

f.backward()  # the backward pass: df/dx and df/dy into .grad
print("x.grad =", x.grad.item(), "(6x = 30)")
print("y.grad =", y.grad.item(), "(2)")

# The recorded graph, from f back to the leaves
node = f.grad_fn
print(node.name(), [type(n).__name__ for n, _ in node.next_functions])
