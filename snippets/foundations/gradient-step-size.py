import torch

from nnref.autodiff.numeric import default_step, difference_errors

torch.manual_seed(0)
N, n = 20, 10
X = torch.randn(N, n, dtype=torch.float64)
y = torch.randint(0, 2, (N,)).double() * 2 - 1
w = torch.randn(n, dtype=torch.float64)
exact = -(X.T @ (y * torch.sigmoid(-y * (X @ w)))) / N  # by hand, float64

for dtype in (torch.float64, torch.float32):
    Xd, yd, wd = X.to(dtype), y.to(dtype), w.to(dtype)

    def loss(v, Xd=Xd, yd=yd):
        return torch.log1p(torch.exp(-yd * (Xd @ v))).mean()

    print(f"{dtype}: eps = {torch.finfo(dtype).eps:.1e}")
    for scheme in ("forward", "central"):
        h = default_step(dtype, scheme)  # eps^(1/2) forward, eps^(1/3) central
        errors = difference_errors(loss, wd, exact, [100 * h, h, h / 100], scheme)
        shown = "  ".join(f"{e:.0e}" for e in errors)
        print(f"  {scheme:7} h* = {h:.1e} | error at 100h*, h*, h*/100: {shown}")
