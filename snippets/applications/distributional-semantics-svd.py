import torch

torch.manual_seed(0)
x = torch.randn(5, 3, dtype=torch.float64)

u, s, vh = torch.linalg.svd(x)  # full_matrices=True: U is (5, 5)
print("full:   ", tuple(u.shape), tuple(s.shape), tuple(vh.shape))
u, s, vh = torch.linalg.svd(x, full_matrices=False)  # thin: U is (5, 3)
print("thin:   ", tuple(u.shape), tuple(s.shape), tuple(vh.shape))
print("singular values, descending:", s.round(decimals=3))
print("X = U diag(S) Vh:", torch.allclose(u @ torch.diag(s) @ vh, x))
print("orthonormal columns:", torch.allclose(u.T @ u, torch.eye(3, dtype=torch.float64)))
print("S only:", torch.allclose(torch.linalg.svdvals(x), s))
