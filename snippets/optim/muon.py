import torch

torch.manual_seed(0)
x, y = torch.randn(64, 6), torch.randn(64, 4)
weight = torch.nn.Parameter(0.1 * torch.randn(4, 6))  # a 2-D parameter: 4 x 6
optimizer = torch.optim.Muon([weight], lr=0.02)  # weight_decay=0.1, momentum=0.95

before = weight.detach().clone()
loss = ((x @ weight.T - y) ** 2).mean()
loss.backward()
grad = weight.grad.clone()
optimizer.step()

# First step: the buffer is (1 - momentum) * grad; the Nesterov update is parallel to grad
buffer = optimizer.state[weight]["momentum_buffer"]
print("momentum_buffer == 0.05 * grad:", torch.allclose(buffer, 0.05 * grad))

# Undo the decoupled weight decay (lr * 0.1) to recover the orthogonalised update O
update = (before * (1 - 0.02 * 0.1) - weight.detach()) / 0.02  # 4 < 6: lr is not rescaled
print("singular values of grad:  ", torch.linalg.svdvals(grad).round(decimals=3))
print("singular values of update:", torch.linalg.svdvals(update).round(decimals=2))
