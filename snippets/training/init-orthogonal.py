import torch
from torch import nn

torch.manual_seed(0)

w = nn.init.orthogonal_(torch.empty(64, 64))
print("W^T W = I:", torch.allclose(w.T @ w, torch.eye(64), atol=1e-5))
print("singular values:", torch.linalg.svdvals(w)[[0, -1]].round(decimals=4).tolist())

# A rectangular weight gets orthonormal rows (rows <= cols) or columns
wide = nn.init.orthogonal_(torch.empty(3, 5))
print("wide: W W^T = I:", torch.allclose(wide @ wide.T, torch.eye(3), atol=1e-6))

# gain scales every singular value: a recurrent weight with spectral norm 0.9
w_hh = nn.init.orthogonal_(torch.empty(32, 32), gain=0.9)
print("norm of W_hh:", round(torch.linalg.matrix_norm(w_hh, ord=2).item(), 4))
