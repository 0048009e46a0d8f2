import torch
from torch import nn

torch.manual_seed(0)

# 1. Data: two classes separated by a curve, split into training and test sets
x = torch.randn(600, 2)
y = ((x[:, 0] ** 2 - x[:, 1]) > 0.5).long()  # a curved class boundary
train = torch.utils.data.TensorDataset(x[:500], y[:500])
x_test, y_test = x[500:], y[500:]
loader = torch.utils.data.DataLoader(train, batch_size=50, shuffle=True)

# 2. Model, 3. loss function, 4. optimizer (it receives the parameters to update)
model = nn.Sequential(nn.Linear(2, 32), nn.ReLU(), nn.Linear(32, 2))
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)

# 5. Training: epochs of minibatch steps
for epoch in range(1, 31):
    model.train()
    for xb, yb in loader:  # 500 / 50 = 10 steps per epoch
        optimizer.zero_grad()  # forget the previous gradients
        loss = loss_fn(model(xb), yb)  # forward pass and loss
        loss.backward()  # gradients of the loss w.r.t. every parameter
        optimizer.step()  # update the parameters
    if epoch % 10 == 0:
        print(f"epoch {epoch}: last minibatch loss {loss.item():.3f}")

# 6. Evaluation on data the model has not seen
model.eval()
with torch.no_grad():
    accuracy = (model(x_test).argmax(dim=1) == y_test).float().mean()
print(f"test accuracy {accuracy.item():.2f}")
