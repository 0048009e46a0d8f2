import torch
from torch import nn

torch.manual_seed(0)
seq_first = nn.MultiheadAttention(embed_dim=4, num_heads=1)  # default batch_first=False
x = torch.randn(2, 5, 4)  # the data is (N=2, L=5, E=4)

out, weights = seq_first(x, x, x)  # no error: read as L=2 positions in N=5 sequences
print("weights", tuple(weights.shape), "- expected (2, 5, 5)")

batch_first = nn.MultiheadAttention(embed_dim=4, num_heads=1, batch_first=True)
batch_first.load_state_dict(seq_first.state_dict())  # the same parameters
right, weights = batch_first(x, x, x)
print("weights", tuple(weights.shape))
print("same output:", torch.allclose(out, right))
x_seq_first = x.transpose(0, 1)  # the fix for a batch_first=False module: (L, N, E)
fixed = seq_first(x_seq_first, x_seq_first, x_seq_first)[0].transpose(0, 1)
print("same as transposing the input:", torch.allclose(fixed, right))
