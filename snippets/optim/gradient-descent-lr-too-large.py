import torch

# f(w) = 0.1 w1^2 + 2 w2^2: largest curvature 4, so gradient descent needs lr < 2/4 = 0.5
for lr in (0.45, 0.5, 0.55):
    w = torch.tensor([-4.0, 2.0], requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=lr)
    for _ in range(60):
        optimizer.zero_grad()
        loss = 0.1 * w[0] ** 2 + 2 * w[1] ** 2
        loss.backward()
        optimizer.step()
    print(f"lr {lr}: w2 = {w[1].item():10.4f}, loss = {loss.item():.4g}")
