import torch

from nnref.optim.gradient_descent import (
    condition_number,
    contraction_factors,
    max_stable_lr,
    optimal_lr,
)

# f(w) = 0.1 w1^2 + 2 w2^2: the Hessian is diag(0.2, 4)
curvatures = torch.tensor([0.2, 4.0])
start = torch.tensor([-4.0, 2.0])

w = start.clone().requires_grad_()
optimizer = torch.optim.SGD([w], lr=0.3)
for _ in range(10):
    optimizer.zero_grad()
    (0.1 * w[0] ** 2 + 2 * w[1] ** 2).backward()
    optimizer.step()
print("after 10 steps:", w.detach())
print("w0 * (1 - lr h)^10:", start * (1 - 0.3 * curvatures) ** 10)

print("stable while lr <", max_stable_lr(curvatures))
kappa = condition_number(curvatures)
best = optimal_lr(curvatures)
print(f"condition number {kappa:.0f}, best lr {best:.4f}")
print("factors at the best lr:", contraction_factors(curvatures, best))
print(f"(kappa - 1) / (kappa + 1) = {(kappa - 1) / (kappa + 1):.4f}")
