import torch

torch.manual_seed(0)

# One update written out: p <- p - lr * dL/dp
w = torch.tensor([1.0, -2.0], requires_grad=True)
optimizer = torch.optim.SGD([w], lr=0.1)

loss = (w**2).sum()  # L = w1^2 + w2^2, so dL/dw = 2w
loss.backward()
print("grad   ", w.grad)
optimizer.step()
print("updated", w.detach())  # [1, -2] - 0.1 * [2, -4]

# Minibatch SGD: fit y = 3x + 1 from noisy data, 8 examples per step
x = torch.linspace(-1, 1, 64).unsqueeze(1)
y = 3 * x + 1 + 0.1 * torch.randn_like(x)
model = torch.nn.Linear(1, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)

for epoch in range(20):
    order = torch.randperm(len(x))  # reshuffle every epoch
    for batch in order.split(8):  # 64 / 8 = 8 steps per epoch
        optimizer.zero_grad()
        loss = torch.nn.functional.mse_loss(model(x[batch]), y[batch])
        loss.backward()
        optimizer.step()
    if epoch % 5 == 4:
        print(f"epoch {epoch + 1:2d}  loss {loss.item():.4f}")

print("w, b:", round(model.weight.item(), 2), round(model.bias.item(), 2))
