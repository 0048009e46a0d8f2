import torch
from torch.func import jvp

from nnref.autodiff.numeric import (
    EvaluationCounter,
    central_difference_gradient,
    forward_difference_gradient,
)

torch.manual_seed(0)
N, n = 20, 10  # 20 examples, 10 parameters
X = torch.randn(N, n, dtype=torch.float64)
y = torch.randint(0, 2, (N,)).double() * 2 - 1  # labels -1 / +1
w = torch.randn(n, dtype=torch.float64)


def loss(w):  # logistic regression: mean log(1 + exp(-y x.w))
    return torch.log1p(torch.exp(-y * (X @ w))).mean()


# (a) By hand: dL/dw = -(1/N) X^T (y * sigmoid(-y X w))
exact = -(X.T @ (y * torch.sigmoid(-y * (X @ w)))) / N


def report(name, passes, estimate):
    error = ((estimate - exact).abs().max() / exact.abs().max()).item()
    shown = "< 1e-14 (rounding only)" if error < 1e-14 else f"{error:.1e}"
    print(f"{name:22} passes: {passes:3} | relative error {shown}")


# (b) Finite differences with the step h = 1e-3: n + 1 or 2n evaluations of the loss
h = 1e-3
counted = EvaluationCounter(loss)
forward = forward_difference_gradient(counted, w, h)
report("forward difference", counted.calls, forward)
counted = EvaluationCounter(loss)
central = central_difference_gradient(counted, w, h)
report("central difference", counted.calls, central)

# (c) Forward-mode AD: one JVP (forward pass with a tangent) per parameter
columns = [jvp(loss, (w,), (e,))[1] for e in torch.eye(n, dtype=torch.float64)]
report("forward-mode AD (jvp)", len(columns), torch.stack(columns))

# (c) Reverse-mode AD: one forward and one backward pass, whatever n is
w_ = w.clone().requires_grad_()
(g,) = torch.autograd.grad(loss(w_), w_)
report("reverse-mode AD", 2, g)
print("autograd == by hand:", torch.allclose(g, exact))
