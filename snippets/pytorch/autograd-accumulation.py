import torch

w = torch.tensor(2.0, requires_grad=True)
for call in range(1, 4):
    loss = w**2  # d(loss)/dw = 2w = 4
    loss.backward()
    print(f"after backward #{call}: w.grad = {w.grad.item()}")  # 4, 8, 12: summed

w.grad = None  # what optimizer.zero_grad() does (set_to_none=True)
(w**2).backward()
print("after resetting:", w.grad.item())

# Two losses, two backward calls: the gradients add up, as for their sum
w.grad = None
(w**2).backward()
(3 * w).backward()
print("d(w^2)/dw + d(3w)/dw =", w.grad.item(), "(2w + 3)")
