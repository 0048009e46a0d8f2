import torch

w = torch.tensor([0.0], requires_grad=True)
optimizer = torch.optim.Adamax([w], lr=0.1)  # default lr=0.002, betas=(0.9, 0.999), eps=1e-8

# Feed chosen gradients: one large value, then small ones
for step, g in enumerate([4.0, 1.0, 1.0, -1.0], start=1):
    w.grad = torch.tensor([g])
    before = w.item()
    optimizer.step()
    state = optimizer.state[w]
    print(
        f"step {step}: g = {g:4}, exp_inf u = {state['exp_inf'].item():.4f}, "
        f"exp_avg m = {state['exp_avg'].item():.4f}, change = {w.item() - before:.4f}"
    )

# u = max(0.999 * u, |g| + eps) remembers the 4 for thousands of steps; only m is
# bias-corrected: change = -lr / (1 - 0.9**t) * m / u
t, m, u = 4, state["exp_avg"], state["exp_inf"]
print(
    "formula:", torch.isclose(torch.tensor(w.item() - before), -0.1 / (1 - 0.9**t) * m / u).item()
)
