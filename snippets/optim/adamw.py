import torch

print("AdamW default weight_decay:", torch.optim.AdamW([torch.zeros(1)]).defaults["weight_decay"])

lr, lam = 0.1, 0.5
w = torch.tensor([2.0, -1.0], requires_grad=True)
optimizer = torch.optim.AdamW([w], lr=lr, weight_decay=lam)

w_before = w.detach().clone()
optimizer.zero_grad()
(w**2).sum().backward()  # gradient 2w = [4, -2]
optimizer.step()
print("after one step:", w.detach().numpy().round(5))

# By hand: first shrink w by (1 - lr * lam), then the Adam step from the gradient alone
# (at t = 1 the Adam step is lr * g / (|g| + eps), about lr * sign(g))
g = 2 * w_before
by_hand = w_before * (1 - lr * lam) - lr * g / (g.abs() + 1e-8)
print("decay, then Adam step:", torch.allclose(w, by_hand))

# A weight that never gets a gradient (m = v = 0): only the decay acts, 1 - lr * lam = 0.95
u = torch.ones(2, requires_grad=True)
optimizer = torch.optim.AdamW([u], lr=lr, weight_decay=lam)
for _ in range(3):
    u.grad = torch.zeros(2)
    optimizer.step()
print(
    "after 3 steps with zero gradient:",
    u.detach().numpy().round(6),
    " 0.95**3 =",
    round(0.95**3, 6),
)
