import torch

torch.manual_seed(0)
# A 300 x 200 matrix of rank 10 plus a little noise
x = torch.randn(300, 10) @ torch.randn(10, 200) + 0.01 * torch.randn(300, 200)

u, s, v = torch.svd_lowrank(x, q=12, niter=2)  # returns V, not Vh
print("shapes:", tuple(u.shape), tuple(s.shape), tuple(v.shape))
exact = torch.linalg.svdvals(x)[:12]
print("top 10 singular values match:", torch.allclose(s[:10], exact[:10], rtol=1e-4))
print(
    "relative error of U diag(S) V^T:",
    round(((x - u @ torch.diag(s) @ v.T).norm() / x.norm()).item(), 4),
)
