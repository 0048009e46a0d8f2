import torch
from torch.autograd import gradcheck

torch.manual_seed(0)
x64 = torch.randn(3, 3, dtype=torch.float64, requires_grad=True)
x32 = x64.detach().float().requires_grad_()

# torch.exp is correct, but in float32 the step eps=1e-6 is lost in rounding
print("float32:", gradcheck(torch.exp, (x32,), raise_exception=False))
print("float64:", gradcheck(torch.exp, (x64,)))
# The size of the rounding error of one float32 difference quotient
print(f"float32 eps / 1e-6 = {torch.finfo(torch.float32).eps / 1e-6:.2f}")
