import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(64, 3)
y = torch.sin(x.sum(1, keepdim=True))


def train(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    for _ in range(50):
        optimizer.zero_grad()
        nn.functional.mse_loss(model(x), y).backward()
        optimizer.step()
    return model


# Every weight equal: the 8 hidden units compute the same function and get the same gradient
same = nn.Sequential(nn.Linear(3, 8), nn.Tanh(), nn.Linear(8, 1))
for p in same.parameters():
    nn.init.constant_(p, 0.1)
train(same)
w = same[0].weight
print("equal init, hidden rows identical after training:", torch.allclose(w, w[0].expand_as(w)))

# Random init breaks the symmetry
random = train(nn.Sequential(nn.Linear(3, 8), nn.Tanh(), nn.Linear(8, 1)))
w = random[0].weight
print("random init, hidden rows identical:", torch.allclose(w, w[0].expand_as(w)))
