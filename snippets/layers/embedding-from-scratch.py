import torch
import torch.nn.functional as F

from nnref.layers.embedding import embedding, embedding_bag, embedding_one_hot

torch.manual_seed(0)
weight = torch.randn(6, 3, requires_grad=True)
tokens = torch.tensor([[0, 2, 2], [5, 1, 0]])

ours = embedding(tokens, weight, padding_idx=0, scale_grad_by_freq=True)
theirs = F.embedding(tokens, weight, padding_idx=0, scale_grad_by_freq=True)
print("embedding", tuple(ours.shape), "equal:", torch.equal(ours, theirs))
upstream = torch.randn_like(ours)
(g_ours,) = torch.autograd.grad(ours, weight, upstream)
(g_theirs,) = torch.autograd.grad(theirs, weight, upstream)
print("weight gradients equal:", torch.allclose(g_ours, g_theirs))
print("one-hot product equal:", torch.allclose(embedding_one_hot(tokens, weight), theirs))

indices, offsets = (
    torch.tensor([1, 2, 0, 3, 4]),
    torch.tensor([0, 2, 2]),
)  # bags [1, 2], [], [0, 3, 4]
for mode in ("sum", "mean", "max"):
    ours = embedding_bag(indices, weight, offsets, mode=mode, padding_idx=0)
    theirs = F.embedding_bag(indices, weight, offsets, mode=mode, padding_idx=0)
    print(f"embedding_bag {mode:4}", tuple(ours.shape), "equal:", torch.allclose(ours, theirs))
