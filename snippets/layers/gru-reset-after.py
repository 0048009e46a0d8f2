import torch
from torch import nn

torch.manual_seed(0)

H = 4
cell = nn.GRUCell(input_size=3, hidden_size=H)
x, h = torch.randn(2, 3), torch.randn(2, H)
w_in, w_hn = cell.weight_ih[2 * H :], cell.weight_hh[2 * H :]
b_in, b_hn = cell.bias_ih[2 * H :], cell.bias_hh[2 * H :]
gi = (x @ cell.weight_ih.T + cell.bias_ih)[:, : 2 * H]
gh = (h @ cell.weight_hh.T + cell.bias_hh)[:, : 2 * H]
r, z = torch.sigmoid(gi + gh).chunk(2, dim=1)

# torch (Keras reset_after=True): the reset gate scales W_hn h + b_hn
n_after = torch.tanh(x @ w_in.T + b_in + r * (h @ w_hn.T + b_hn))
# Cho et al. 2014 (Keras reset_after=False): the reset gate scales h before the product
n_before = torch.tanh(x @ w_in.T + b_in + (r * h) @ w_hn.T + b_hn)

h_torch = cell(x, h)
print(
    "reset after the product == GRUCell:",
    torch.allclose((1 - z) * n_after + z * h, h_torch, atol=1e-6),
)
print(
    "reset before the product == GRUCell:",
    torch.allclose((1 - z) * n_before + z * h, h_torch, atol=1e-6),
)
