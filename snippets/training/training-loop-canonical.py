import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset, random_split

torch.manual_seed(0)
# Data: 2-D points, class 1 when x0 * x1 > 0 (an XOR pattern), split 80/20.
x = torch.randn(500, 2)
y = (x[:, 0] * x[:, 1] > 0).long()
train_set, val_set = random_split(TensorDataset(x, y), [0.8, 0.2])
train_loader = DataLoader(train_set, batch_size=32, shuffle=True)
val_loader = DataLoader(val_set, batch_size=100)

device = "cuda" if torch.cuda.is_available() else "cpu"
model = nn.Sequential(nn.Linear(2, 32), nn.ReLU(), nn.Linear(32, 2)).to(device)
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=10, gamma=0.5)

for epoch in range(20):
    model.train()  # training mode: dropout on, BatchNorm uses batch statistics
    train_loss = 0.0
    for xb, yb in train_loader:
        xb, yb = xb.to(device), yb.to(device)
        optimizer.zero_grad()  # 1. forget the previous gradients
        loss = loss_fn(model(xb), yb)  # 2. forward pass and loss (mean over the batch)
        loss.backward()  # 3. backpropagation: fills p.grad for every parameter
        optimizer.step()  # 4. update the parameters
        train_loss += loss.item() * len(xb)
    scheduler.step()  # once per epoch

    model.eval()  # evaluation mode
    correct, val_loss = 0, 0.0
    with torch.no_grad():  # no graph, no gradients
        for xb, yb in val_loader:
            xb, yb = xb.to(device), yb.to(device)
            logits = model(xb)
            val_loss += loss_fn(logits, yb).item() * len(xb)
            correct += (logits.argmax(1) == yb).sum().item()
    if epoch % 5 == 4:
        print(
            f"epoch {epoch + 1:2d}  train loss {train_loss / len(train_set):.3f}"
            f"  val loss {val_loss / len(val_set):.3f}  val accuracy {correct / len(val_set):.2f}"
            f"  lr {scheduler.get_last_lr()[0]:.4f}"
        )
