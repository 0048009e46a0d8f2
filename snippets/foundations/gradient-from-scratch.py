import torch

from nnref.autodiff.numeric import (
    EvaluationCounter,
    central_difference_gradient,
    forward_difference_gradient,
    numerical_jacobian,
)

torch.manual_seed(0)
W = torch.randn(3, 5, dtype=torch.float64)


def loss(x):  # R^(2 x 5) -> R, any input shape works
    return torch.tanh(x @ W.T).square().sum()


x = torch.randn(2, 5, dtype=torch.float64, requires_grad=True)
(exact,) = torch.autograd.grad(loss(x), x)

counted = EvaluationCounter(loss)
fd = forward_difference_gradient(counted, x)  # h = eps^(1/2)
print("forward:", tuple(fd.shape), "calls:", counted.calls, torch.allclose(fd, exact, atol=1e-6))
counted = EvaluationCounter(loss)
cd = central_difference_gradient(counted, x)  # h = eps^(1/3)
print("central:", tuple(cd.shape), "calls:", counted.calls, torch.allclose(cd, exact, atol=1e-9))

# The Jacobian of a vector function, laid out like torch.autograd.functional.jacobian
J = numerical_jacobian(lambda v: torch.tanh(v @ W.T), x.detach())
Jt = torch.autograd.functional.jacobian(lambda v: torch.tanh(v @ W.T), x.detach())
print("jacobian:", tuple(J.shape), torch.allclose(J, Jt, atol=1e-9))
