import torch

torch.manual_seed(0)
n, d = 1024, 10
x = torch.randn(n, d)
y = x @ torch.randn(d, 1) + torch.randn(n, 1)  # noisy targets: the best loss is about 1


def losses_at(lr, checkpoints, batch_size=4):
    torch.manual_seed(1)
    model = torch.nn.Linear(d, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    result = {}
    for step in range(1, max(checkpoints) + 1):
        rows = torch.randint(0, n, (batch_size,))
        optimizer.zero_grad()
        torch.nn.functional.mse_loss(model(x[rows]), y[rows]).backward()
        optimizer.step()
        if step in checkpoints:
            with torch.no_grad():
                result[step] = torch.nn.functional.mse_loss(model(x), y).item()
    return result


checkpoints = (20, 200, 2000)
print("lr     " + "".join(f"after {s:<6}" for s in checkpoints).rstrip())
for lr in (0.1, 0.01):
    losses = losses_at(lr, checkpoints)
    print(f"{lr:<6} " + "".join(f"{losses[s]:<12.3f}" for s in checkpoints).rstrip())
