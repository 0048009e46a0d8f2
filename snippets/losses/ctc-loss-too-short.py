import torch
from torch import nn

torch.manual_seed(0)
T, N, C = 3, 2, 4
logits = torch.randn(T, N, C, requires_grad=True)
targets = torch.tensor([[1, 1, 2], [3, 0, 0]])  # "1 1 2" needs 4 frames: 1, blank, 1, 2
lengths = (torch.tensor([3, 3]), torch.tensor([3, 1]))

for zero_infinity in (False, True):
    ctc = nn.CTCLoss(zero_infinity=zero_infinity)
    per_example = nn.CTCLoss(reduction="none", zero_infinity=zero_infinity)
    loss = ctc(logits.log_softmax(2), targets, *lengths)
    (grad,) = torch.autograd.grad(loss, logits)
    print(f"zero_infinity={zero_infinity}:")
    print("  losses:", per_example(logits.log_softmax(2), targets, *lengths).detach())
    print("  mean:", loss.detach(), "| NaN in the gradient:", grad.isnan().any().item())
