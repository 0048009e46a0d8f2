import torch
import torch.nn.functional as F


def rounded(t):
    return [round(v, 4) for v in t.tolist()]


x = torch.tensor([-1.0, 0.5, 100.0], requires_grad=True)

# the textbook formula: exp(100) overflows to inf in the branch where() discards
naive = torch.where(x > 0, x, torch.exp(x) - 1)
(grad,) = torch.autograd.grad(naive.sum(), x)
print("values:", rounded(naive), "gradient:", rounded(grad))  # 0 * inf = nan

# evaluate exp only where it is selected: on min(x, 0)
safe = torch.where(x > 0, x, torch.expm1(torch.where(x > 0, 0.0, x)))
(grad,) = torch.autograd.grad(safe.sum(), x)
print("values:", rounded(safe), "gradient:", rounded(grad))
print("torch.nn.functional.elu gradient:", rounded(torch.autograd.grad(F.elu(x).sum(), x)[0]))
