import torch

torch.manual_seed(0)
start, target = torch.randn(3, 4), torch.randn(3, 4)

# The step Muon takes does not depend on the size of the gradient
for scale in (1e-4, 1.0, 1e4):
    weight = start.clone().requires_grad_()
    optimizer = torch.optim.Muon([weight], lr=0.1, weight_decay=0)
    (scale * ((weight - target) ** 2).sum()).backward()
    optimizer.step()
    step = (weight.detach() - start).norm()
    print(f"loss x {scale:g}: gradient norm {weight.grad.norm():.3g}, step norm {step:.2f}")
