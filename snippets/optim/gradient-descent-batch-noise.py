import torch

from nnref.optim.minibatches import minibatch_gradient_variance

torch.manual_seed(0)
n = 64
x = torch.randn(n, 2, dtype=torch.float64)
y = x @ torch.tensor([2.0, -1.0], dtype=torch.float64) + 0.5 * torch.randn(n, dtype=torch.float64)

w = torch.zeros(2, dtype=torch.float64)
per_example = 2 * (x @ w - y).unsqueeze(1) * x  # gradient of (x_i w - y_i)^2, one row each
full = per_example.mean(0)  # the full-batch gradient

print(" B   measured  formula  sigma^2/B")
sigma2 = minibatch_gradient_variance(per_example, 1)
for batch_size in (1, 4, 16, 64):
    errors = [
        ((per_example[torch.randperm(n)[:batch_size]].mean(0) - full) ** 2).sum()
        for _ in range(2000)
    ]
    measured = torch.stack(errors).mean().item()
    formula = minibatch_gradient_variance(per_example, batch_size)
    print(f"{batch_size:2d}  {measured:9.3f}  {formula:7.3f}  {sigma2 / batch_size:9.3f}")
