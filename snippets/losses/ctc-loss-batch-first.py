import torch
from torch import nn

torch.manual_seed(0)
ctc = nn.CTCLoss(reduction="none")

# A batch-first model output (N, T, C), e.g. from nn.LSTM(..., batch_first=True)
N, T, C = 2, 8, 5
batch_first = torch.randn(N, T, C).log_softmax(2)
targets = torch.tensor([[1, 2, 3], [4, 4, 0]])
lengths = (torch.tensor([T, T]), torch.tensor([3, 2]))
try:
    ctc(batch_first, targets, *lengths)
except RuntimeError as error:
    print("RuntimeError:", error)
print("right, (T, N, C):", ctc(batch_first.transpose(0, 1), targets, *lengths))

# When the batch size equals the number of frames nothing complains
N = T = 4
batch_first = torch.randn(N, T, C).log_softmax(2)
targets = torch.tensor([[1, 2], [3, 0], [2, 2], [4, 1]])
lengths = (torch.full((N,), T), torch.tensor([2, 1, 2, 2]))
print("wrong, (N, T, C):", ctc(batch_first, targets, *lengths))
print("right, (T, N, C):", ctc(batch_first.transpose(0, 1), targets, *lengths))
