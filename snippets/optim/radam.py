import torch

# RAdam on a loss with a constant gradient 2: L(w) = 2 w
w = torch.zeros(1, requires_grad=True)
optimizer = torch.optim.RAdam([w], lr=0.1)  # defaults: betas=(0.9, 0.999), eps=1e-8
beta2 = 0.999
rho_inf = 2 / (1 - beta2) - 1
print(f"rho_inf = {rho_inf:.0f}")

for t in range(1, 9):
    before = w.item()
    optimizer.zero_grad()
    (2 * w).sum().backward()
    optimizer.step()
    rho_t = rho_inf - 2 * t * beta2**t / (1 - beta2**t)
    kind = "rectified adaptive step" if rho_t > 5 else "momentum step, lr * m_hat"
    print(f"t = {t}: rho_t = {rho_t:.3f}  move = {w.item() - before:+.4f}  ({kind})")

state = optimizer.state[w]
print("state:", sorted(state), " step =", state["step"].item())
