import torch
import torch.nn.functional as F

from nnref.text.cooccurrence import cooccurrence_matrix, cosine_similarities, ppmi, svd_vectors

torch.manual_seed(0)
V, window = 6, 2
sentences = [torch.randint(V, (n,)) for n in (7, 3, 1, 5)]
counts = cooccurrence_matrix(sentences, V, window)

# Brute force: every ordered pair of positions at distance 1..window in a sentence
brute = torch.zeros(V, V, dtype=torch.float64)
for s in sentences:
    for i in range(len(s)):
        for j in range(len(s)):
            if 1 <= abs(i - j) <= window:
                brute[s[i], s[j]] += 1
print("counts equal brute force:", torch.equal(counts, brute))
total = sum(2 * (len(s) - d) for s in sentences for d in range(1, min(window, len(s) - 1) + 1))
print("total", int(counts.sum()), "= sum over sentences of 2(n - d):", total)

# PPMI from the definition, entry by entry
n = counts.sum()
i, j = divmod(int(counts.argmax()), V)  # a non-zero entry
pmi = torch.log(counts[i, j] * n / (counts[i].sum() * counts[:, j].sum()))
print(f"PPMI[{i}, {j}] as defined:", torch.allclose(ppmi(counts)[i, j], pmi.clamp(min=0)))

# Eckart-Young: the rank-k error is the sum of the dropped squared singular values
x = ppmi(counts)
u, s, vh = torch.linalg.svd(x)
k = 2
error = torch.linalg.matrix_norm(x - u[:, :k] @ torch.diag(s[:k]) @ vh[:k]) ** 2
print("||X - X_2||_F^2 = sum s_i^2 (i > 2):", torch.allclose(error, (s[k:] ** 2).sum()))
print("vectors U_k S_k:", torch.allclose(svd_vectors(x, k), u[:, :k] * s[:k]))
print(
    "cosine equals F.cosine_similarity:",
    torch.allclose(cosine_similarities(x, x[0]), F.cosine_similarity(x, x[0:1], dim=1)),
)
