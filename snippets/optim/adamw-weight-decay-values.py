import torch

# How much one step shrinks a weight that has no data gradient, for typical settings
settings = [
    (torch.optim.SGD, dict(lr=0.1, weight_decay=1e-4)),  # a classic SGD recipe
    (torch.optim.AdamW, dict(lr=1e-3, weight_decay=1e-4)),  # the SGD value copied into AdamW
    (torch.optim.AdamW, dict(lr=1e-3, weight_decay=1e-2)),  # the AdamW default
    (torch.optim.Adam, dict(lr=1e-3, weight_decay=1e-2)),  # Adam's L2, normalised to about lr
]
for optimizer_class, options in settings:
    w = torch.ones(1, dtype=torch.float64, requires_grad=True)
    optimizer = optimizer_class([w], **options)
    w.grad = torch.zeros(1, dtype=torch.float64)
    optimizer.step()
    described = ", ".join(f"{key}={value:g}" for key, value in options.items())
    call = f"{optimizer_class.__name__}({described})"
    print(f"{call:36} shrinks w by {1 - w.item():.1e}")
