import torch
from torch import nn

torch.manual_seed(0)
T, N, C = 6, 2, 4  # frames, batch, classes including the blank 0
log_probs = torch.randn(T, N, C).log_softmax(dim=2)  # (T, N, C), time first
targets = torch.tensor([[1, 2, 2], [3, 1, 0]])  # (N, S) padded; row 1 has 2 labels
input_lengths = torch.tensor([6, 5])
target_lengths = torch.tensor([3, 2])

for reduction in ("none", "sum", "mean"):
    loss = nn.CTCLoss(reduction=reduction)(log_probs, targets, input_lengths, target_lengths)
    print(f"{reduction:>4}: shape {tuple(loss.shape)},", loss.round(decimals=4))

ctc = nn.CTCLoss(reduction="none")
per_example = ctc(log_probs, targets, input_lengths, target_lengths)
mean = nn.CTCLoss()(log_probs, targets, input_lengths, target_lengths)
print(
    "mean is (loss / target_lengths).mean():",
    torch.allclose(mean, (per_example / target_lengths).mean()),
)
print("mean is loss.mean():", torch.allclose(mean, per_example.mean()))

concatenated = torch.tensor([1, 2, 2, 3, 1])  # the same labels unpadded: (sum(target_lengths),)
same = ctc(log_probs, concatenated, input_lengths, target_lengths)
print("concatenated targets, same losses:", torch.allclose(same, per_example))
