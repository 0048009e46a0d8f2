import inspect

import torch
from torch.autograd import gradcheck

defaults = inspect.signature(gradcheck).parameters
print({k: defaults[k].default for k in ("eps", "atol", "rtol", "fast_mode")})

torch.manual_seed(0)
x = torch.randn(4, 3, dtype=torch.float64, requires_grad=True)
W = torch.randn(2, 3, dtype=torch.float64, requires_grad=True)
print("correct function, float64:", gradcheck(lambda x, W: torch.tanh(x @ W.T), (x, W)))


class WrongSquare(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x**2

    @staticmethod
    def backward(ctx, grad_output):
        (x,) = ctx.saved_tensors
        return grad_output * x  # wrong: should be 2 * x


print("wrong backward:", gradcheck(WrongSquare.apply, (x,), raise_exception=False))
