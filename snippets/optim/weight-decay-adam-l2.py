import torch

# A weight with no data gradient (an unused feature, a dead unit): only weight decay moves it.
lr, steps = 1e-3, 1000

for optimizer_class in (torch.optim.Adam, torch.optim.AdamW):
    for lam in (1e-4, 1e-2):
        w = torch.ones(1, requires_grad=True)
        optimizer = optimizer_class([w], lr=lr, weight_decay=lam)
        for _ in range(steps):
            optimizer.zero_grad()
            (0.0 * w).sum().backward()  # data gradient 0
            optimizer.step()
        name = optimizer_class.__name__
        print(f"{name:5} weight_decay={lam:<6g}: w after {steps} steps = {w.item():.4f}")

# Adam divides the penalty gradient lam * w by sqrt(v_hat) = |lam * w|: the step is about lr
# whatever lam is, so a 100 times larger lam changes nothing. AdamW multiplies w by
# (1 - lr * lam) per step: 0.9999 and 0.9900 after 1000 steps.
