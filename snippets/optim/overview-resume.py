import torch
from torch import nn

torch.manual_seed(0)
x, y = torch.randn(64, 5), torch.randn(64, 1)


def train(model, optimizer, steps):
    for _ in range(steps):
        optimizer.zero_grad()
        nn.functional.mse_loss(model(x), y).backward()
        optimizer.step()


def fresh():
    torch.manual_seed(0)
    model = nn.Linear(5, 1)
    return model, torch.optim.Adam(model.parameters(), lr=0.05)


# Uninterrupted: 20 steps
model, optimizer = fresh()
train(model, optimizer, 20)
reference = model.weight.detach().clone()

# Interrupted after 10 steps, checkpoint = model and optimizer state
model, optimizer = fresh()
train(model, optimizer, 10)
checkpoint = {"model": model.state_dict(), "optimizer": optimizer.state_dict()}

for load_optimizer in (False, True):
    resumed = nn.Linear(5, 1)
    resumed.load_state_dict(checkpoint["model"])
    optimizer = torch.optim.Adam(resumed.parameters(), lr=0.05)
    if load_optimizer:
        optimizer.load_state_dict(checkpoint["optimizer"])  # moments and step count
    train(resumed, optimizer, 10)
    difference = (resumed.weight - reference).abs().max().item()
    print(f"optimizer state loaded: {load_optimizer!s:5}  max |difference| = {difference:.2g}")
