import torch

# A weight the loss does not use: only the regulariser moves it
for name, cls in [("Adam", torch.optim.Adam), ("AdamW", torch.optim.AdamW)]:
    for lam in [0.01, 0.1]:
        w = torch.tensor([1.0], requires_grad=True)
        opt = cls([w], lr=0.01, weight_decay=lam)
        for _ in range(100):
            opt.zero_grad()
            w.grad = torch.zeros(1)  # zero loss gradient
            opt.step()
        print(f"{name:5s} weight_decay={lam}: w after 100 steps = {w.item():.4f}")
