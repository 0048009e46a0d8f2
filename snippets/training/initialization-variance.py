import torch

torch.manual_seed(0)
n_in, n_out = 400, 300
x = torch.randn(10000, n_in) * 2.0  # Var(x) = 4
w = torch.randn(n_out, n_in) * 0.05  # Var(w) = 0.0025
y = x @ w.T
print("Var(y) measured:", round(y.var().item(), 2))
print("n_in * Var(w) * Var(x):", round(n_in * 0.0025 * 4.0, 2))

# ReLU keeps half of a symmetric signal's second moment: E[relu(y)^2] = Var(y) / 2
print("E[relu(y)^2] / Var(y):", round((y.relu().pow(2).mean() / y.var()).item(), 3))

# Over depth the factor n * Var(w) compounds: std after 20 tanh layers of width 256
for scale in [0.5, 1.0, 5 / 3, 3.0]:  # Var(w) = scale^2 / n
    h = torch.randn(1000, 256)
    for _ in range(20):
        h = torch.tanh(h @ (torch.randn(256, 256) * scale / 256**0.5).T)
    print(f"n*Var(w) = {scale**2:4.2f}: std(h_20) = {h.std().item():.1e}")
