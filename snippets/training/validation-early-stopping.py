import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from nnref.training.early_stopping import EarlyStopping
from nnref.training.loop import fit

# The rule on a given sequence of validation losses:
stopper = EarlyStopping(patience=2, min_delta=0.01)
for epoch, loss in enumerate([0.90, 0.70, 0.65, 0.645, 0.66, 0.70]):
    stop = stopper.step(loss)
    print(f"epoch {epoch}: val loss {loss:.3f}  best {stopper.best:.3f}", end="")
    print(f"  wait {stopper.wait}  stop {stop}")
    if stop:
        break
print("best epoch:", stopper.best_epoch, "(0.645 improved on 0.65 by less than min_delta)")

# In training: 10 noisy examples, a wide network, long training -> it overfits.
torch.manual_seed(0)
x = torch.rand(60, 1) * 2 - 1
y = torch.sin(3 * x) + 0.5 * torch.randn(60, 1)
train = DataLoader(TensorDataset(x[:10], y[:10]), batch_size=10)
val = DataLoader(TensorDataset(x[10:], y[10:]), batch_size=50)
model = nn.Sequential(nn.Linear(1, 64), nn.Tanh(), nn.Linear(64, 64), nn.Tanh(), nn.Linear(64, 1))
stopper = EarlyStopping(patience=20)
history = fit(
    model,
    train,
    nn.MSELoss(),
    torch.optim.Adam(model.parameters(), lr=0.03),
    150,
    val_loader=val,
    early_stopping=stopper,
)
print(f"stopped after epoch {history.stopped_epoch}, best epoch {history.best_epoch}")
print(f"val loss: best {min(history.val_loss):.3f}, last {history.val_loss[-1]:.3f}")
best = history.best_epoch
losses = history.train_loss
print(f"train loss: at the best epoch {losses[best]:.3f}, last {losses[-1]:.3f}")
