import warnings

import torch
import torch.nn.functional as F

from nnref.losses.kl_div import kl_div

torch.manual_seed(0)
log_q = torch.randn(4, 5, dtype=torch.float64).log_softmax(dim=1).requires_grad_()
p = torch.randn(4, 5, dtype=torch.float64).softmax(dim=1)
p_with_zero = p.clone()
p_with_zero[0, 2] = 0.0  # a zero probability: 0 log 0 = 0

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # reduction="mean" warns in both
    for log_target in (False, True):
        target = p.log() if log_target else p_with_zero
        for reduction in ("batchmean", "mean", "sum", "none"):
            ours = kl_div(log_q, target, reduction=reduction, log_target=log_target)
            theirs = F.kl_div(log_q, target, reduction=reduction, log_target=log_target)
            grads = [torch.autograd.grad(v.sum(), log_q)[0] for v in (ours, theirs)]
            print(
                f"log_target={log_target!s:<5} {reduction:>9}: "
                f"{torch.allclose(ours, theirs)}, {torch.allclose(*grads)}"
            )
