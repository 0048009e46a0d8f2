import torch

from nnref.text.word2vec import (
    negative_sampling_grads,
    negative_sampling_loss,
    noise_distribution,
    sample_negatives,
    softmax_loss_and_grad,
)

torch.manual_seed(0)
B, K, D, V = 4, 5, 8, 20
v_c = torch.randn(B, D, dtype=torch.float64, requires_grad=True)
u_o = torch.randn(B, D, dtype=torch.float64, requires_grad=True)
u_k = torch.randn(B, K, D, dtype=torch.float64, requires_grad=True)

# Negative sampling: hand-derived gradients against autograd
negative_sampling_loss(v_c, u_o, u_k).sum().backward()
ours = negative_sampling_grads(v_c.detach(), u_o.detach(), u_k.detach())
print(
    "dL/dv_c, dL/du_o, dL/du_k equal autograd:",
    [torch.allclose(a, b.grad) for a, b in zip(ours, (v_c, u_o, u_k), strict=True)],
)

# Full softmax: dL/dv_c = sum_w p_w u_w - u_o
h = torch.randn(B, D, dtype=torch.float64, requires_grad=True)
output = torch.randn(V, D, dtype=torch.float64)
target = torch.randint(V, (B,))
loss, grad = softmax_loss_and_grad(h, output, target)
reference = torch.nn.functional.cross_entropy(h @ output.T, target, reduction="none")
reference.sum().backward()
print("softmax loss equals cross_entropy:", torch.allclose(loss, reference))
print("softmax gradient equals autograd:", torch.allclose(grad, h.grad))

# The noise sampler draws words with frequency close to count^0.75
counts = torch.tensor([100, 30, 10, 1])
probs = noise_distribution(counts)
draws = sample_negatives(probs, (200_000,), torch.Generator().manual_seed(0))
print("P_n:      ", [round(p, 3) for p in probs.tolist()])
print("frequency:", [round(f, 3) for f in (torch.bincount(draws) / 200_000).tolist()])
