import torch

torch.manual_seed(0)
start = [torch.randn(4, 3), torch.randn(3)]
results = {}
for name, flags in {
    "for-loop": dict(foreach=False),
    "foreach": dict(foreach=True),
    "fused": dict(fused=True),
}.items():
    params = [p.clone().requires_grad_() for p in start]
    optimizer = torch.optim.SGD(params, lr=0.1, momentum=0.9, nesterov=True, **flags)
    for _ in range(10):
        optimizer.zero_grad()
        sum(((p - 1) ** 2).sum() for p in params).backward()
        optimizer.step()
    results[name] = torch.cat([p.detach().flatten() for p in params])

print("foreach equals for-loop:", torch.allclose(results["foreach"], results["for-loop"]))
print("fused equals for-loop:  ", torch.allclose(results["fused"], results["for-loop"]))
