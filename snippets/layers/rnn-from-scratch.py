import torch
from torch import nn

from nnref.layers.rnn import rnn, rnn_cell

torch.manual_seed(0)

module = nn.RNN(3, 4, num_layers=2, bidirectional=True, batch_first=True)
params = dict(module.named_parameters())  # nnref reads torch's parameters by name
x = torch.randn(2, 5, 3)
h_0 = torch.randn(4, 2, 4)  # (D * num_layers, N, hidden_size)

output, h_n = rnn(x, params, h_0, batch_first=True)
expected_output, expected_h_n = module(x, h_0)
print("output", tuple(output.shape), torch.allclose(output, expected_output, atol=1e-6))
print("h_n   ", tuple(h_n.shape), torch.allclose(h_n, expected_h_n, atol=1e-6))

relu = nn.RNNCell(3, 4, nonlinearity="relu")
step = rnn_cell(x[:, 0], None, relu.weight_ih, relu.weight_hh, relu.bias_ih, relu.bias_hh, "relu")
print("RNNCell relu", tuple(step.shape), torch.allclose(step, relu(x[:, 0])))
