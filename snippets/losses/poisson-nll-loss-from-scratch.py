import torch
import torch.nn.functional as F

from nnref.losses.poisson_nll import poisson_nll_loss

torch.manual_seed(0)
output = torch.rand(4, 3).requires_grad_()  # a log-rate, or a rate when log_input=False
counts = torch.poisson(torch.full((4, 3), 2.0))  # counts 0, 1, 2, ... (both sides of k = 1)

for log_input in (True, False):
    for full in (False, True):
        equal = []
        for reduction in ("mean", "sum", "none"):
            ours = poisson_nll_loss(output, counts, log_input, full, reduction=reduction)
            theirs = F.poisson_nll_loss(output, counts, log_input, full, reduction=reduction)
            (g_ours,) = torch.autograd.grad(ours.sum(), output)
            (g_theirs,) = torch.autograd.grad(theirs.sum(), output)
            equal.append(torch.allclose(ours, theirs) and torch.allclose(g_ours, g_theirs))
        print(f"log_input={log_input!s:5} full={full!s:5}: equal to torch: {all(equal)}")
