import torch
import torch.nn.functional as F

words = ["relu", "gelu", "tanh", "adam", "sgd"]
vectors = torch.tensor(
    [[1.0, 0.2, 0.0], [0.9, 0.3, 0.1], [0.7, 0.0, 0.4], [0.0, 1.0, 0.1], [0.1, 0.9, 0.0]]
)
sim = F.cosine_similarity(vectors[:, None, :], vectors[None, :, :], dim=-1)  # (5, 5)
sim.fill_diagonal_(-1.0)  # never return the word itself

values, indices = torch.topk(sim, k=2, dim=1)  # largest=True, sorted=True
for word, row, val in zip(words, indices.tolist(), values, strict=True):
    print(f"{word:>4} -> {[words[i] for i in row]}  cos {[round(c, 2) for c in val.tolist()]}")
smallest = torch.topk(torch.tensor([3.0, 1.0, 2.0]), k=2, largest=False)
print("smallest two:", smallest.values.tolist(), "at", smallest.indices.tolist())
