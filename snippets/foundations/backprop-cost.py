import torch
from torch import nn

torch.manual_seed(0)
f64 = torch.float64
model = nn.Sequential(nn.Linear(4, 6), nn.Tanh(), nn.Linear(6, 3)).double()
x, y = torch.randn(8, 4, dtype=f64), torch.randn(8, 3, dtype=f64)
params = list(model.parameters())
P = sum(p.numel() for p in params)
print("parameters P =", P)

# Matmul FLOPs of nn.Linear on a batch of B: the forward pass computes X W^T (2 B n_in n_out);
# the backward pass computes dL/dW = D^T X (the same size) and dL/dX = D W (the same size again),
# except where the input needs no gradient: here the first layer's input x.
B = x.shape[0]
sizes = [2 * B * m.in_features * m.out_features for m in model if isinstance(m, nn.Linear)]
forward = sum(sizes)
for input_needs_grad in [False, True]:
    backward = sum(2 * s for s in sizes) - (0 if input_needs_grad else sizes[0])
    print(
        f"x.requires_grad={input_needs_grad}: FLOPs forward {forward}, backward {backward}", end=" "
    )
    print(f"(ratio {backward / forward:.2f})")

# Backpropagation: one forward and one backward pass give all P derivatives
nn.functional.mse_loss(model(x), y).backward()
exact = torch.cat([p.grad.flatten() for p in params])

# Central finite differences: two forward passes per parameter
approx, eps, passes = [], 1e-6, 0
with torch.no_grad():
    for p in params:
        for j in range(p.numel()):
            old = p.view(-1)[j].item()
            p.view(-1)[j] = old + eps
            up = nn.functional.mse_loss(model(x), y)
            p.view(-1)[j] = old - eps
            down = nn.functional.mse_loss(model(x), y)
            p.view(-1)[j] = old
            approx.append((up - down) / (2 * eps))
            passes += 2
print("finite differences: forward passes =", passes, "(backpropagation: 1 forward + 1 backward)")
print("same gradient:", torch.allclose(exact, torch.stack(approx), atol=1e-8))
