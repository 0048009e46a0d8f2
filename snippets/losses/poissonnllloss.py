import torch
from torch import nn

log_rate = torch.tensor([0.0, 1.0, 2.0])  # the network's output: log of the expected count
counts = torch.tensor([1.0, 3.0, 5.0])

loss = nn.PoissonNLLLoss(reduction="none")(log_rate, counts)  # log_input=True by default
print("loss:", loss)
print("exp(x) - k x:", torch.allclose(loss, log_rate.exp() - counts * log_rate))

full = nn.PoissonNLLLoss(full=True, reduction="none")(log_rate, counts)
print("full - loss:", full - loss)  # Stirling's formula for log(k!), only where k > 1
print("exact log(k!):", torch.lgamma(counts + 1))
