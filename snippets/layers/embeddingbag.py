import torch
from torch import nn

torch.manual_seed(0)

bag = nn.EmbeddingBag(num_embeddings=10, embedding_dim=3, mode="sum")
table = bag.weight  # (num_embeddings, embedding_dim), initialised from N(0, 1)

# Three bags of different lengths, concatenated: [1, 2, 4], [5], [4, 3, 2, 9]
indices = torch.tensor([1, 2, 4, 5, 4, 3, 2, 9])
offsets = torch.tensor([0, 3, 4])  # where each bag starts
out = bag(indices, offsets)
print("output", tuple(out.shape))  # (number of bags, embedding_dim)

manual = torch.stack(
    [table[indices[0:3]].sum(0), table[indices[3:4]].sum(0), table[indices[4:]].sum(0)]
)
print("sum of looked-up rows:", torch.allclose(out, manual))

# per_sample_weights (mode="sum" only) multiply each row before the sum
weights = torch.tensor([0.5, 0.5, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0])
weighted = bag(indices, offsets, per_sample_weights=weights)
first = 0.5 * table[1] + 0.5 * table[2] + table[4]
print("weighted first bag:", torch.allclose(weighted[0], first))

# A 2-D input is a batch of equal-length bags (no offsets); mode="mean" is the default
mean_bag = nn.EmbeddingBag.from_pretrained(table)
batch = torch.tensor([[1, 2], [3, 4]])
print(
    "mode:", mean_bag.mode, "| mean of rows:", torch.allclose(mean_bag(batch), table[batch].mean(1))
)
