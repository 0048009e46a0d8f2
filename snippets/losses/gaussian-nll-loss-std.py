import torch
from torch import nn

target = torch.tensor([-2.0, 2.0, -2.0, 2.0])  # noise with standard deviation 2
mean = torch.zeros(4)  # the predicted mean is right
loss_fn = nn.GaussianNLLLoss()
sigmas = torch.linspace(0.5, 6, 551)  # standard deviations to try, step 0.01


def best_sigma(to_var):
    losses = torch.stack([loss_fn(mean, target, to_var(torch.full((4,), s))) for s in sigmas])
    return round(sigmas[losses.argmin()].item(), 2)


print("sigma passed as var:      best sigma", best_sigma(lambda s: s))
print("sigma ** 2 passed as var: best sigma", best_sigma(lambda s: s**2))
