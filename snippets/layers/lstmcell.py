import torch
from torch import nn

torch.manual_seed(0)

cell = nn.LSTMCell(input_size=3, hidden_size=4)
x = torch.randn(6, 2, 3)  # (L=6 steps, N=2, 3 features)
h, c = torch.zeros(2, 4), torch.zeros(2, 4)
for x_t in x:
    h, c = cell(x_t, (h, c))  # the state goes in and out as a pair
print("h", tuple(h.shape), "c", tuple(c.shape))

# The same weights in nn.LSTM give the same final state
lstm = nn.LSTM(input_size=3, hidden_size=4)
with torch.no_grad():
    for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
        getattr(lstm, f"{name}_l0").copy_(getattr(cell, name))
output, (h_n, c_n) = lstm(x)
print(
    "loop of LSTMCell == nn.LSTM:",
    torch.allclose(h, h_n[0], atol=1e-6),
    torch.allclose(c, c_n[0], atol=1e-6),
)

h_1, c_1 = cell(x[0, 0])  # unbatched input; no state means zeros
print("unbatched", tuple(h_1.shape), tuple(c_1.shape))
