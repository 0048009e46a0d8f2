import torch
from torch import nn

torch.manual_seed(0)

rnn = nn.RNN(input_size=2, hidden_size=3, bidirectional=True)  # D = 2 directions
x = torch.randn(5, 1, 2)  # (L=5, N=1, 2 features)
output, h_n = rnn(x)
print("output", tuple(output.shape), "h_n", tuple(h_n.shape))  # (L, N, 2*3), (2, N, 3)

forward, reverse = output[..., :3], output[..., 3:]  # directions concatenated on the last axis
print("forward final == output[-1, :, :3]:", torch.allclose(h_n[0], forward[-1]))
print("reverse final == output[-1, :, 3:]:", torch.allclose(h_n[1], reverse[-1]))
print("reverse final == output[0, :, 3:]:", torch.allclose(h_n[1], reverse[0]))

# A summary of the whole sequence: both final states, from h_n
summary = torch.cat([h_n[-2], h_n[-1]], dim=-1)
print("summary", tuple(summary.shape))
