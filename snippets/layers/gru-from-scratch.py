import torch
from torch import nn

from nnref.layers.gru import gru, gru_cell

torch.manual_seed(0)

module = nn.GRU(3, 4, num_layers=2, bidirectional=True, batch_first=True)
params = dict(module.named_parameters())
x = torch.randn(2, 5, 3)
lengths = [5, 3]  # a right-padded batch: the second sequence ends after 3 steps

output, h_n = gru(x, params, batch_first=True)
expected, expected_h = module(x)
print("output", tuple(output.shape), torch.allclose(output, expected, atol=1e-6))
print("h_n   ", tuple(h_n.shape), torch.allclose(h_n, expected_h, atol=1e-6))

packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True)
_, packed_h = module(packed)
_, h_n = gru(x, params, batch_first=True, lengths=lengths)
print("packed h_n", torch.allclose(h_n, packed_h, atol=1e-6))

cell = nn.GRUCell(3, 4)
h = gru_cell(x[:, 0], None, cell.weight_ih, cell.weight_hh, cell.bias_ih, cell.bias_hh)
print("GRUCell", torch.allclose(h, cell(x[:, 0]), atol=1e-6))
