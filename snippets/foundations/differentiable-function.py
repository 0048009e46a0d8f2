import torch
import torch.nn.functional as F


class Softplus(torch.autograd.Function):
    """softplus(x) = log(1 + e^x), computed stably; its derivative is sigmoid(x)."""

    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)  # what backward will need
        return x.clamp_min(0) + torch.log1p(torch.exp(-x.abs()))

    @staticmethod
    def backward(ctx, grad_output):  # one gradient per input of forward
        (x,) = ctx.saved_tensors
        return grad_output * torch.sigmoid(x)


x = torch.tensor([-30.0, -1.0, 0.0, 2.0, 40.0], dtype=torch.float64, requires_grad=True)
y = Softplus.apply(x)  # call through .apply, never forward() directly
print(type(y.grad_fn).__name__)
print("same as F.softplus:", torch.allclose(y, F.softplus(x)))
y.sum().backward()
print("grad = sigmoid(x):", torch.allclose(x.grad, torch.sigmoid(x)))
print("gradcheck:", torch.autograd.gradcheck(Softplus.apply, (x,)))
