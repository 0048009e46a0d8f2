import torch
from torch import nn

torch.manual_seed(0)
model = nn.RNN(input_size=3, hidden_size=8)
x = torch.randn(50, 4, 3)  # (T, N, input_size)
output, h_n = model(x)
(100 * output.sum()).backward()  # a large loss: large gradients

grads = [p.grad for p in model.parameters()]
before = torch.cat([g.flatten() for g in grads]).norm()
total = nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
after = torch.cat([g.flatten() for g in grads]).norm()
print("returned norm = norm before clipping:", torch.allclose(total, before))
print("norm after:", round(after.item(), 4))

# Below max_norm nothing changes: the coefficient min(max_norm / (norm + 1e-6), 1) is 1
unchanged = nn.utils.clip_grad_norm_(model.parameters(), max_norm=10.0)
print("second call sees:", round(unchanged.item(), 4))

# norm_type=inf: the largest absolute entry
largest = max(g.abs().max() for g in grads)
print(
    "inf norm:",
    torch.allclose(
        nn.utils.clip_grad_norm_(model.parameters(), 1e9, norm_type=float("inf")), largest
    ),
)
