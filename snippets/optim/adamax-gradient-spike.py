import torch

# 100 ordinary gradients (1.0), one outlier of 1000, then ordinary gradients again.
# Step size relative to lr, before and after the outlier, for Adam and Adamax.
for optimizer_class in (torch.optim.Adam, torch.optim.Adamax):
    w = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    optimizer = optimizer_class([w], lr=1e-3)
    sizes = []
    for step in range(1101):
        g = 1000.0 if step == 100 else 1.0
        w.grad = torch.tensor([g], dtype=torch.float64)
        before = w.item()
        optimizer.step()
        sizes.append(abs(w.item() - before) / 1e-3)
    print(
        f"{optimizer_class.__name__:6} step / lr: before {sizes[99]:.3f}, "
        f"just after {sizes[102]:.3f}, 1000 steps later {sizes[1100]:.3f}"
    )
