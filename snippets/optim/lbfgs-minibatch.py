import torch

torch.manual_seed(0)
x = torch.randn(512, 20)
y = x @ torch.randn(20) + 0.5 * torch.randn(512)
best = torch.linalg.lstsq(x, y.unsqueeze(1)).solution.squeeze(1)
print("optimal loss:", round(((x @ best - y) ** 2).mean().item(), 3))


def full_data_losses(batch_size, steps=10):
    w = torch.zeros(20, requires_grad=True)
    optimizer = torch.optim.LBFGS([w])
    losses = []
    for _ in range(steps):
        batch = torch.randperm(512)[:batch_size]

        def closure(batch=batch):  # the same batch for every evaluation of this step
            optimizer.zero_grad()
            loss = ((x[batch] @ w - y[batch]) ** 2).mean()
            loss.backward()
            return loss

        optimizer.step(closure)
        losses.append(round(((x @ w - y) ** 2).mean().item(), 3))  # loss on all 512
    return losses


for batch_size in (512, 32):  # the full batch, then minibatches of 32
    print(f"batch {batch_size:3d}: full-data loss after each step {full_data_losses(batch_size)}")
