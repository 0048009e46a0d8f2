import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)

emb = nn.Embedding(num_embeddings=10, embedding_dim=3, padding_idx=0)
print("weight", tuple(emb.weight.shape))  # (num_embeddings, embedding_dim)
print("padding row:", emb.weight[0].tolist())  # initialised to zeros

tokens = torch.tensor([[1, 2, 4, 5], [4, 3, 0, 0]])  # 2 sequences of 4 indices, 0 = padding
vectors = emb(tokens)
print("output", tuple(vectors.shape))  # (*, embedding_dim)

# A lookup is row selection, and equals a one-hot matrix product
print("same as weight[tokens]:", torch.equal(vectors, emb.weight[tokens]))
one_hot = F.one_hot(tokens, num_classes=10).float()  # (2, 4, 10)
print("same as one_hot @ weight:", torch.allclose(vectors, one_hot @ emb.weight))

# Only the rows that were looked up get a gradient; the padding row never does
vectors.sum().backward()
print("rows with a gradient:", emb.weight.grad.abs().sum(dim=1).nonzero().flatten().tolist())
print("gradient counts:", emb.weight.grad[:, 0].tolist())
