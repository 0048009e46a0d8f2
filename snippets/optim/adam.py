import torch

# Two coordinates whose gradients differ by a factor of 1000: L = (0.001 w1^2 + w2^2) / 2
scale = torch.tensor([0.001, 1.0], dtype=torch.float64)
w = torch.tensor([1.0, 1.0], dtype=torch.float64, requires_grad=True)
optimizer = torch.optim.Adam([w], lr=0.01)  # betas=(0.9, 0.999), eps=1e-8

for step in range(1, 4):
    optimizer.zero_grad()
    (scale * w**2 / 2).sum().backward()  # gradient: scale * w
    before = w.detach().clone()
    optimizer.step()
    grad, change = w.grad.numpy().round(5).tolist(), (w - before).detach().numpy().round(5).tolist()
    print(f"step {step}: grad {grad}, change {change}")

state = optimizer.state[w]
print("state:", sorted(state), "step =", state["step"].item())
print("exp_avg    (m):", [float(f"{x:.4g}") for x in state["exp_avg"].tolist()])
print("exp_avg_sq (v):", [float(f"{x:.4g}") for x in state["exp_avg_sq"].tolist()])

# The last step by hand: lr * m_hat / (sqrt(v_hat) + eps), with bias corrections at t = 3
w_before, t = before, 3
m_hat = state["exp_avg"] / (1 - 0.9**t)
v_hat = state["exp_avg_sq"] / (1 - 0.999**t)
print("formula:", torch.allclose(w, w_before - 0.01 * m_hat / (v_hat.sqrt() + 1e-8)))
