import torch

# rho_t never exceeds rho_inf = 2 / (1 - beta2) - 1: for beta2 <= 2/3 it never exceeds 5
for beta2 in (0.999, 0.99, 0.9, 0.6, 0.5):
    print(f"beta2 = {beta2}: rho_inf = {2 / (1 - beta2) - 1:g}")

# RAdam with betas=(0.9, 0.5) beside SGD with bias-corrected momentum, 50 steps
w = torch.zeros(3, requires_grad=True)
optimizer = torch.optim.RAdam([w], lr=0.01, betas=(0.9, 0.5))
target = torch.tensor([1.0, -2.0, 3.0])
w_hand, m = torch.zeros(3), torch.zeros(3)
for t in range(1, 51):
    optimizer.zero_grad()
    ((w - target) ** 2).sum().backward()
    optimizer.step()
    m = 0.9 * m + 0.1 * 2 * (w_hand - target)  # by hand: momentum of the same gradient
    w_hand = w_hand - 0.01 * m / (1 - 0.9**t)  # step lr * m_hat, no division by sqrt(v)
print("RAdam(betas=(0.9, 0.5)) equals momentum SGD:", torch.allclose(w, w_hand))
print("exp_avg_sq is kept but never used:", optimizer.state[w]["exp_avg_sq"].round(decimals=2))
