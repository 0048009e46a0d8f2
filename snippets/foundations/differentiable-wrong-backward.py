import torch


class Square(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x * x

    @staticmethod
    def backward(ctx, grad_out):
        (x,) = ctx.saved_tensors
        return grad_out * x  # wrong: the derivative of x^2 is 2x


x = torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64, requires_grad=True)
Square.apply(x).sum().backward()
print("silently wrong gradient:", x.grad.tolist())
print("gradcheck:", torch.autograd.gradcheck(Square.apply, (x,), raise_exception=False))
