import torch

w = torch.tensor([1.0], requires_grad=True)

for step in range(3):
    loss = (w * 2).sum()  # dL/dw = 2 on every step
    loss.backward()  # adds to w.grad: without zero_grad the gradients pile up
    print(f"step {step}: w.grad = {w.grad.item()}")

w.grad = None  # what optimizer.zero_grad() does
(w * 2).sum().backward()
print("after zero_grad:", w.grad.item())
