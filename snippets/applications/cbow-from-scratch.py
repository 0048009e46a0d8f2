import torch
from torch import nn

from nnref.text.word2vec import cbow_grads, context_mean, negative_sampling_loss

torch.manual_seed(0)
B, C, K, D, V = 3, 4, 5, 6, 10
table = torch.randn(V, D, dtype=torch.float64, requires_grad=True)
contexts = torch.randint(V, (B, C))
mask = torch.tensor([[True] * 4, [True, True, True, False], [False, True, True, False]])
u_o = torch.randn(B, D, dtype=torch.float64, requires_grad=True)
u_k = torch.randn(B, K, D, dtype=torch.float64, requires_grad=True)

# h = mean of the real context vectors; EmbeddingBag(mode="mean") computes the same
v = table[contexts]  # (B, C, D)
h = context_mean(v, mask)
bag = nn.EmbeddingBag.from_pretrained(table.detach(), mode="mean")
offsets = torch.tensor([0, 4, 7])
print("h equals EmbeddingBag mean:", torch.allclose(h, bag(contexts[mask], offsets)))

# Hand-derived gradients against autograd
v.retain_grad()
negative_sampling_loss(h, u_o, u_k).sum().backward()
ours = cbow_grads(v.detach(), mask, u_o.detach(), u_k.detach())
print(
    "gradients equal autograd:",
    [torch.allclose(a, b.grad) for a, b in zip(ours, (v, u_o, u_k), strict=True)],
)
# Every real context word of an example gets the same gradient: dL/dh / |context|
print(
    "context sizes:", mask.sum(1).tolist(), "padding gets zero:", bool((v.grad[~mask] == 0).all())
)
