import torch
import torch.nn.functional as F
from torch import nn

raw = torch.tensor([-0.5, 0.0, 2.0])  # a linear layer's output can be negative
counts = torch.tensor([1.0, 0.0, 2.0])

rate_loss = nn.PoissonNLLLoss(log_input=False, reduction="none")
print("raw output as rate:", rate_loss(raw, counts))  # log of a negative rate
print("softplus(raw):     ", rate_loss(F.softplus(raw), counts))
print("log_input=True:    ", nn.PoissonNLLLoss(reduction="none")(raw, counts))
