import torch
from torch import nn

torch.manual_seed(0)
log_q = torch.randn(3, 5).log_softmax(dim=1)  # input: the model's log-probabilities
p = torch.randn(3, 5).softmax(dim=1)  # target: probabilities

loss = nn.KLDivLoss(reduction="batchmean")(log_q, p)
manual = (p * (p.log() - log_q)).sum() / 3  # KL(p || q) averaged over the batch
print("batchmean:", loss, torch.allclose(loss, manual))

# the same target given as log-probabilities
print(
    "log_target:",
    torch.allclose(nn.KLDivLoss(reduction="batchmean", log_target=True)(log_q, p.log()), loss),
)

# a zero in the target contributes 0 (0 * log 0 = 0)
zero = torch.tensor([[0.0, 0.5, 0.5]])
print("0 log 0:", nn.KLDivLoss(reduction="none")(torch.full((1, 3), 1 / 3).log(), zero))
