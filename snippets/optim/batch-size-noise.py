import torch

torch.manual_seed(0)
n, d = 4096, 5
x = torch.randn(n, d)
y = x @ torch.ones(d) + 0.5 * torch.randn(n)
w = torch.zeros(d)  # the point where the gradient is estimated

# Per-example gradients of the squared error (w.x - y)^2: g_i = 2 (w.x_i - y_i) x_i
per_example = 2 * (x @ w - y).unsqueeze(1) * x
full = per_example.mean(dim=0)  # the full-batch gradient
spread = ((per_example - full) ** 2).sum(dim=1).mean()  # tr(Sigma), one example's noise

print("B     E|g_B - g|^2   B * E|g_B - g|^2   tr(Sigma)/B * (n-B)/(n-1)")
for batch_size in (1, 4, 16, 64, 256):
    # 2000 minibatches drawn without replacement, as a shuffled DataLoader draws them
    batches = torch.stack([torch.randperm(n)[:batch_size] for _ in range(2000)])
    estimates = per_example[batches].mean(dim=1)  # (2000, d) minibatch gradients
    error = ((estimates - full) ** 2).sum(dim=1).mean()
    predicted = spread / batch_size * (n - batch_size) / (n - 1)
    print(f"{batch_size:<5} {error:<14.3f} {batch_size * error:<18.2f} {predicted:.3f}")
