import torch

torch.manual_seed(0)
x, y = torch.randn(16, 3), torch.randn(16)
start = torch.randn(3)

# weight_decay=0.1 in SGD ...
a = start.clone().requires_grad_()
decayed = torch.optim.SGD([a], lr=0.1, momentum=0.9, weight_decay=0.1)
# ... is the L2 penalty (0.1 / 2) * ||w||^2 added to the loss
b = start.clone().requires_grad_()
penalized = torch.optim.SGD([b], lr=0.1, momentum=0.9)

for _ in range(30):
    decayed.zero_grad()
    torch.nn.functional.mse_loss(x @ a, y).backward()
    decayed.step()
    penalized.zero_grad()
    (torch.nn.functional.mse_loss(x @ b, y) + 0.1 / 2 * (b**2).sum()).backward()
    penalized.step()

print("weight_decay = L2 penalty (lambda / 2) ||w||^2:", torch.allclose(a, b))
