import torch

torch.manual_seed(0)
n, d = 1024, 10
x = torch.randn(n, d)
y = x @ torch.randn(d, 1) + 0.1 * torch.randn(n, 1)


def train(batch_size, lr, epochs=2):
    torch.manual_seed(1)
    model = torch.nn.Linear(d, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    steps = 0
    for _ in range(epochs):
        for rows in torch.randperm(n).split(batch_size):
            optimizer.zero_grad()
            torch.nn.functional.mse_loss(model(x[rows]), y[rows]).backward()
            optimizer.step()
            steps += 1
    with torch.no_grad():
        loss = torch.nn.functional.mse_loss(model(x), y).item()
    print(f"B={batch_size:<4} lr={lr:<5} {steps:>3} steps  loss {loss:.4f}")


train(8, 0.01)  # the tuned setting
train(128, 0.01)  # WRONG: 16x larger batches, same lr: 16x fewer, equally small steps
train(128, 0.16)  # linear scaling rule: lr x 16 as well
