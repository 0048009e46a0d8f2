import torch

torch.manual_seed(0)
w = torch.randn(3, requires_grad=True)
b = torch.randn(1, requires_grad=True)
x = torch.randn(5, 3)
loss = torch.sigmoid(x @ w + b).sum()

# grad(outputs, inputs) returns a tuple of gradients shaped like the inputs ...
gw, gb = torch.autograd.grad(loss, (w, b), retain_graph=True)
print("shapes:", tuple(gw.shape), tuple(gb.shape))
# ... and leaves .grad untouched (backward() would accumulate into it)
print("w.grad is None:", w.grad is None)
s = torch.sigmoid(x @ w + b).detach()
print("== x^T s(1 - s):", torch.allclose(gw, x.T @ (s * (1 - s))))

# A non-scalar output needs grad_outputs = v: the result is the VJP v^T J
y = torch.sigmoid(x @ w + b)  # shape (5,)
v = torch.ones(5)
(vjp,) = torch.autograd.grad(y, w, grad_outputs=v)
print("grad_outputs=ones == grad of the sum:", torch.allclose(vjp, gw))

# create_graph=True records the gradient itself, so it can be differentiated again
t = torch.tensor(3.0, requires_grad=True)
(d1,) = torch.autograd.grad(t**3, t, create_graph=True)
(d2,) = torch.autograd.grad(d1, t)
print("d/dt t^3 =", d1.item(), "| d2/dt2 t^3 =", d2.item())
