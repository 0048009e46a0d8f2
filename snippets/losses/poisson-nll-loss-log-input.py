import torch
from torch import nn

counts = torch.tensor([2.0, 3.0, 4.0])  # the mean count is 3
outputs = torch.linspace(0.01, 5, 500)  # constant outputs to try, step 0.01


def best_output(loss_fn):
    losses = torch.stack([loss_fn(torch.full_like(counts, o), counts) for o in outputs])
    return outputs[losses.argmin()]


log_rate = best_output(nn.PoissonNLLLoss())  # log_input=True: the output is log(rate)
print("log_input=True, output read as log-rate: rate", round(log_rate.exp().item(), 2))
print("log_input=True, output read as rate:     rate", round(log_rate.item(), 2))
rate = best_output(nn.PoissonNLLLoss(log_input=False))  # the output is the rate
print("log_input=False, output read as rate:    rate", round(rate.item(), 2))
