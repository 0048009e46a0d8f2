import torch
from torch import nn

torch.manual_seed(0)
T, N, C = 8, 2, 5
logits = torch.randn(T, N, C)  # network output, (T, N, C)
targets = torch.tensor([[1, 2, 3], [4, 4, 0]])
lengths = (torch.tensor([8, 8]), torch.tensor([3, 2]))
ctc = nn.CTCLoss(reduction="none")

print("log_softmax (right):", ctc(logits.log_softmax(2), targets, *lengths))
print("softmax (wrong):    ", ctc(logits.softmax(2), targets, *lengths))
print("raw logits (wrong): ", ctc(logits, targets, *lengths))
