import torch

torch.manual_seed(0)
x = 10 * torch.randn(256, 4)  # unscaled features: curvature of the loss about 2 * 100
y = x.sum(dim=1, keepdim=True)
model = torch.nn.Linear(4, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)  # far above 2 / 200 = 0.01

for step in range(1, 41):
    optimizer.zero_grad()
    loss = torch.nn.functional.mse_loss(model(x), y)
    loss.backward()
    optimizer.step()
    if step in (1, 2, 3, 10, 20, 30, 40):
        print(f"step {step:2d}: loss {loss.item():.3g}")
print("weights finite:", torch.isfinite(model.weight).all().item())
