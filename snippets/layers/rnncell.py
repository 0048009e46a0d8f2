import torch
from torch import nn

torch.manual_seed(0)

cell = nn.RNNCell(input_size=3, hidden_size=4)  # one time step, one layer
x = torch.randn(6, 2, 3)  # (L=6 steps, N=2, 3 features)
h = torch.zeros(2, 4)
outputs = []
for x_t in x:  # the loop over time is yours
    h = cell(x_t, h)
    outputs.append(h)
print("h", tuple(h.shape))

manual = torch.tanh(x[0] @ cell.weight_ih.T + cell.bias_ih + cell.bias_hh)  # h_0 = 0
print("first step by the formula:", torch.allclose(outputs[0], manual, atol=1e-6))

# The same weights in nn.RNN give the same sequence
rnn = nn.RNN(input_size=3, hidden_size=4)
with torch.no_grad():
    for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
        getattr(rnn, f"{name}_l0").copy_(getattr(cell, name))
output, h_n = rnn(x)
print("loop of RNNCell == nn.RNN:", torch.allclose(torch.stack(outputs), output, atol=1e-6))

relu_cell = nn.RNNCell(3, 4, nonlinearity="relu")
print(
    "unbatched", tuple(relu_cell(x[0, 0]).shape), "relu >= 0:", bool((relu_cell(x[0]) >= 0).all())
)
