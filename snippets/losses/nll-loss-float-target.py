import torch
from torch import nn

torch.manual_seed(0)
log_probs = torch.randn(3, 4).log_softmax(dim=1)
criterion = nn.NLLLoss()

for target in (torch.tensor([1.0, 0.0, 3.0]), torch.eye(4)[[1, 0, 3]]):
    try:
        criterion(log_probs, target)
    except RuntimeError as error:
        print(f"{target.dtype!s:>13} {tuple(target.shape)}: RuntimeError: {error}")

print("int64 (3,):", criterion(log_probs, torch.tensor([1, 0, 3])).shape)
