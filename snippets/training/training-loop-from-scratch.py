import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from nnref.training.loop import evaluate, fit

torch.manual_seed(0)
x = torch.randn(120, 3)
y = x @ torch.tensor([1.0, -2.0, 0.5]) + 0.1 * torch.randn(120)
data = TensorDataset(x, y.unsqueeze(1))
val = DataLoader(TensorDataset(torch.randn(40, 3), torch.zeros(40, 1)), batch_size=40)


def setup():
    torch.manual_seed(1)
    model = nn.Sequential(nn.Linear(3, 8), nn.BatchNorm1d(8), nn.Tanh(), nn.Linear(8, 1))
    loader = DataLoader(
        data, batch_size=16, shuffle=True, generator=torch.Generator().manual_seed(2)
    )
    return model, loader, torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)


# The canonical loop written by hand...
model_a, loader, optimizer = setup()
for _epoch in range(5):
    model_a.train()
    for xb, yb in loader:
        optimizer.zero_grad()
        nn.functional.mse_loss(model_a(xb), yb).backward()
        optimizer.step()

# ... and nnref.training.loop.fit
model_b, loader, optimizer = setup()
history = fit(model_b, loader, nn.MSELoss(), optimizer, 5, val_loader=val)
state_a, state_b = model_a.state_dict(), model_b.state_dict()
same = all(torch.equal(state_a[key], state_b[key]) for key in state_a)
print("same parameters and BatchNorm buffers:", same)
print("history:", len(history.train_loss), "train losses,", len(history.val_loss), "val losses")
print("train loss falls:", history.train_loss[0] > history.train_loss[-1])

before = {k: v.clone() for k, v in model_b.state_dict().items()}
evaluate(model_b, val, nn.MSELoss())
print(
    "evaluate changed nothing:",
    all(torch.equal(v, before[k]) for k, v in model_b.state_dict().items()),
)
print("mode restored to training:", model_b.training)
