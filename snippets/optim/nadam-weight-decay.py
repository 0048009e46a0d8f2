import torch

# A weight the loss does not depend on: only weight decay acts on it (100 steps, lr = 0.01).
for decoupled in (False, True):
    for weight_decay in (1e-4, 1e-1):
        w = torch.ones(1, requires_grad=True)
        optimizer = torch.optim.NAdam(
            [w], lr=0.01, weight_decay=weight_decay, decoupled_weight_decay=decoupled
        )
        for _ in range(100):
            optimizer.zero_grad()
            (0 * w).sum().backward()  # zero loss gradient
            optimizer.step()
        print(f"decoupled={decoupled!s:5}  weight_decay={weight_decay:g}:  w = {w.item():.4f}")
