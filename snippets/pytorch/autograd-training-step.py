import torch

torch.manual_seed(0)
x = torch.randn(64, 3)
y = x @ torch.tensor([2.0, -1.0, 0.5]) + 0.3  # a linear target to learn

w = torch.zeros(3, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
lr = 0.1
for step in range(101):
    loss = ((x @ w + b - y) ** 2).mean()  # forward
    loss.backward()  # gradients into w.grad, b.grad
    with torch.no_grad():  # the update itself must not be recorded
        w -= lr * w.grad
        b -= lr * b.grad
    w.grad = None  # reset, or the next step adds to these gradients
    b.grad = None
    if step % 50 == 0:
        print(f"step {step:3d}  loss {loss.item():.5f}")
print("w =", [round(v, 3) for v in w.tolist()], " b =", round(b.item(), 3))

# The same step with torch.optim.SGD
model_w = torch.zeros(3, requires_grad=True)
optimizer = torch.optim.SGD([model_w], lr=lr)
loss = ((x @ model_w - y) ** 2).mean()
optimizer.zero_grad()
loss.backward()
optimizer.step()
manual = torch.zeros(3) - lr * 2 * ((x @ torch.zeros(3) - y) @ x) / 64
print("SGD step equals the hand-written one:", torch.allclose(model_w.detach(), manual))
