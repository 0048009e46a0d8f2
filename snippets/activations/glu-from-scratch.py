import torch
import torch.nn.functional as F

from nnref.activations.glu import geglu, glu, glu_backward, swiglu

torch.manual_seed(0)

x = torch.randn(4, 6, 2, dtype=torch.float64, requires_grad=True)
for dim in (-1, 0, 1):
    ours, theirs = glu(x, dim), F.glu(x, dim)
    upstream = torch.randn_like(theirs)
    (g_ours,) = torch.autograd.grad(ours, x, upstream)
    (g_theirs,) = torch.autograd.grad(theirs, x, upstream)
    checks = {
        "values": torch.allclose(ours, theirs),
        "gradients": torch.allclose(g_ours, g_theirs),
        "glu_backward": torch.allclose(glu_backward(upstream, x.detach(), dim), g_theirs),
    }
    print(f"dim={dim}", tuple(x.shape), "->", tuple(ours.shape), checks)
print("gradcheck:", torch.autograd.gradcheck(glu, (x, 1)))

a, b = x.detach().chunk(2, dim=-1)
print("geglu = a * GELU(b):", torch.allclose(geglu(x.detach()), a * F.gelu(b)))
print("swiglu = a * SiLU(b):", torch.allclose(swiglu(x.detach()), a * F.silu(b)))
