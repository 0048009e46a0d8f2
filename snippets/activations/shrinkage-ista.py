import torch
import torch.nn.functional as F

# Sparse coding (LASSO): min_x ||A x - b||^2 / 2 + lam * ||x||_1, solved by ISTA,
# a gradient step on the squared error followed by soft thresholding.
torch.manual_seed(0)
A = torch.randn(30, 60, dtype=torch.float64) / 30**0.5
x_true = torch.zeros(60, dtype=torch.float64)
x_true[[5, 17, 42]] = torch.tensor([2.0, -1.5, 1.0], dtype=torch.float64)
b = A @ x_true

lam = 0.01
step = 1 / torch.linalg.matrix_norm(A, ord=2) ** 2  # 1 / Lipschitz constant of the gradient
x = torch.zeros(60, dtype=torch.float64)
for _ in range(2000):
    x = F.softshrink(x - step * A.T @ (A @ x - b), float(lam * step))

print("non-zero entries:", x.nonzero().flatten().tolist())
print("values:", x[[5, 17, 42]].round(decimals=2).tolist())
