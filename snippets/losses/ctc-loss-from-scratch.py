import torch
import torch.nn.functional as F

from nnref.losses.ctc import ctc_loss

torch.manual_seed(0)
T, N, C = 7, 3, 5
logits = torch.randn(T, N, C, dtype=torch.float64, requires_grad=True)
padded = torch.tensor([[1, 2, 2], [3, 1, 0], [4, 0, 0]])  # (N, S)
concatenated = torch.tensor([1, 2, 2, 3, 1, 4])  # (sum(target_lengths),)
input_lengths = torch.tensor([7, 5, 2])
target_lengths = torch.tensor([3, 2, 1])

for targets in (padded, concatenated):
    for reduction in ("none", "sum", "mean"):
        args = (logits.log_softmax(2), targets, input_lengths, target_lengths)
        ours = ctc_loss(*args, reduction=reduction)
        theirs = F.ctc_loss(*args, reduction=reduction)
        (g_ours,) = torch.autograd.grad(ours.sum(), logits, retain_graph=True)
        (g_theirs,) = torch.autograd.grad(theirs.sum(), logits)
        print(
            f"targets {tuple(targets.shape)}, {reduction:>4}: values equal",
            torch.allclose(ours, theirs),
            "| logit gradients equal",
            torch.allclose(g_ours, g_theirs),
        )

# The first example ("1 2 2") needs 4 frames; with 3 there is no alignment: infinite loss
short = torch.tensor([3, 5, 2])
args = (logits.log_softmax(2), padded, short, target_lengths)
print("no alignment:", ctc_loss(*args, reduction="none").detach())
print("zero_infinity:", ctc_loss(*args, reduction="none", zero_infinity=True).detach())
print(
    "zero_infinity equal to torch:",
    torch.allclose(ctc_loss(*args, zero_infinity=True), F.ctc_loss(*args, zero_infinity=True)),
)
