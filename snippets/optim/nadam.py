import torch

# NAdam on L(w) = sum((w - 1)^2), starting from w = 0
w = torch.zeros(2, requires_grad=True)
optimizer = torch.optim.NAdam([w], lr=0.1)  # defaults: betas=(0.9, 0.999), momentum_decay=4e-3

for step in range(1, 6):
    optimizer.zero_grad()
    ((w - 1) ** 2).sum().backward()
    optimizer.step()
    print(f"step {step}: w = {w[0].item():.4f}")

# First step: lr * (1 + mu_2 * (1 - beta1) / (1 - mu_1 * mu_2)), a little more than lr
mu = [0.9 * (1 - 0.5 * 0.96 ** (t * 4e-3)) for t in range(1, 7)]  # mu_1 .. mu_6
print("first step by hand:", round(0.1 * (1 + mu[1] * 0.1 / (1 - mu[0] * mu[1])), 4))

# The state keeps the running product mu_1 * ... * mu_t
state = optimizer.state[w]
print("mu_1, mu_5:", round(mu[0], 5), round(mu[4], 5))
print("mu_product in the state:", round(state["mu_product"].item(), 6))
print("product of mu_1 .. mu_5:", round(torch.tensor(mu[:5]).prod().item(), 6))
print("state keys:", sorted(state))
