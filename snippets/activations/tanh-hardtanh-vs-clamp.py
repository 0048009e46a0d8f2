import torch
import torch.nn.functional as F

x = torch.tensor([-1.0, 0.0, 1.0], requires_grad=True)  # the two ends and the middle

(grad_hardtanh,) = torch.autograd.grad(F.hardtanh(x).sum(), x)
(grad_clamp,) = torch.autograd.grad(x.clamp(-1, 1).sum(), x)
print("same values:", torch.equal(F.hardtanh(x), x.clamp(-1, 1)))
print("F.hardtanh grad:", grad_hardtanh)  # 0 at the ends
print("clamp grad:     ", grad_clamp)  # 1 at the ends
