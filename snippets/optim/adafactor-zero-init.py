import torch

# Two parameters with the same gradient (1 everywhere): one starts at 0, one at 1.
zero, one = torch.zeros(3, requires_grad=True), torch.ones(3, requires_grad=True)
optimizer = torch.optim.Adafactor([zero, one])  # lr=1e-2, eps=(None, 1e-3)
for step in range(1, 101):
    optimizer.zero_grad()
    (zero.sum() + one.sum()).backward()
    optimizer.step()
    if step in (1, 10, 100):
        print(
            f"after {step:3d} steps: zero-initialised {zero[0].item():+.6f}, "
            f"one-initialised {one[0].item():+.6f}"
        )
# The step is alpha_t = max(eps2, RMS(p)) * rho_t: for p = 0 it is eps2 * 0.01 = 1e-5
