import torch
from torch import nn

from nnref.layers.lstm import lstm, lstm_cell
from nnref.layers.recurrent import recurrent_parameter_count

torch.manual_seed(0)

module = nn.LSTM(3, 5, num_layers=2, bidirectional=True, proj_size=2)
params = dict(module.named_parameters())  # includes weight_hr_l0, weight_hr_l1_reverse, ...
x = torch.randn(6, 2, 3)  # (L, N, input_size)

output, (h_n, c_n) = lstm(x, params)
expected, (expected_h, expected_c) = module(x)
print("output", tuple(output.shape), torch.allclose(output, expected, atol=1e-6))
print("h_n   ", tuple(h_n.shape), torch.allclose(h_n, expected_h, atol=1e-6))
print("c_n   ", tuple(c_n.shape), torch.allclose(c_n, expected_c, atol=1e-6))

cell = nn.LSTMCell(3, 5)
h, c = lstm_cell(x[0], None, cell.weight_ih, cell.weight_hh, cell.bias_ih, cell.bias_hh)
h_ref, c_ref = cell(x[0])
print("LSTMCell", torch.allclose(h, h_ref, atol=1e-6), torch.allclose(c, c_ref, atol=1e-6))

count = recurrent_parameter_count("LSTM", 3, 5, num_layers=2, bidirectional=True, proj_size=2)
print("parameters", count, count == sum(p.numel() for p in module.parameters()))
