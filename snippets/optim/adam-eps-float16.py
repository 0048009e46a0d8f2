import torch

# A float16 parameter trained with Adam: gradients 0, 0.001 and 1 on the first step
print("1e-8 in float16:", torch.tensor(1e-8, dtype=torch.float16).item())

for eps in (1e-8, 1e-4):
    w = torch.ones(3, dtype=torch.float16, requires_grad=True)
    optimizer = torch.optim.Adam([w], lr=1e-3, eps=eps)
    w.grad = torch.tensor([0.0, 1e-3, 1.0], dtype=torch.float16)
    optimizer.step()
    v = optimizer.state[w]["exp_avg_sq"]  # (1 - beta2) * g^2 underflows for |g| < ~5e-3
    print(f"eps={eps:g}: exp_avg_sq = {[float(f'{x:.3g}') for x in v.tolist()]}")
    print("           w =", w.detach())
