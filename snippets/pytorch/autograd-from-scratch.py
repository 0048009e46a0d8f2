import torch

from nnref.autodiff.engine import Tensor, no_grad

torch.manual_seed(0)
x = torch.randn(8, 3, dtype=torch.float64)
y = torch.randn(8, 1, dtype=torch.float64)
init = [
    torch.randn(3, 4, dtype=torch.float64),
    torch.zeros(4, dtype=torch.float64),
    torch.randn(4, 1, dtype=torch.float64),
    torch.zeros(1, dtype=torch.float64),
]

ours = [Tensor(p, requires_grad=True) for p in init]  # the engine of nnref
w1, b1, w2, b2 = ours
loss = (((Tensor(x) @ w1 + b1).tanh() @ w2 + b2 - Tensor(y)) ** 2).mean()
loss.backward()

theirs = [p.clone().requires_grad_() for p in init]  # torch.autograd
t1, c1, t2, c2 = theirs
tloss = ((torch.tanh(x @ t1 + c1) @ t2 + c2 - y) ** 2).mean()
tloss.backward()

print("loss equal:", torch.allclose(loss.data, tloss.detach()), loss.grad_fn)
for name, p, q in zip(["w1", "b1", "w2", "b2"], ours, theirs, strict=True):
    print(name, tuple(p.grad.shape), torch.allclose(p.grad, q.grad))

with no_grad():
    print("under no_grad:", (w1 * 2).requires_grad, (w1 * 2).grad_fn)
