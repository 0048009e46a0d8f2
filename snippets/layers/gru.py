import torch
from torch import nn

torch.manual_seed(0)

gru = nn.GRU(input_size=3, hidden_size=4, batch_first=True)
for name, parameter in gru.named_parameters():
    print(f"{name:12} {tuple(parameter.shape)}")  # 3 gate blocks: 3 * hidden_size rows
print("parameters:", sum(p.numel() for p in gru.parameters()))  # 3 * (4*3 + 4*4 + 4 + 4)

x = torch.randn(2, 5, 3)
h_0 = torch.randn(1, 2, 4)
output, h_n = gru(x, h_0)  # one state tensor: a GRU has no cell state
print("output", tuple(output.shape), "h_n", tuple(h_n.shape))

# Step 1 by the equations; blocks stacked in the order r, z, n
h = h_0[0]
i_r, i_z, i_n = (x[:, 0] @ gru.weight_ih_l0.T + gru.bias_ih_l0).chunk(3, dim=1)
h_r, h_z, h_n_ = (h @ gru.weight_hh_l0.T + gru.bias_hh_l0).chunk(3, dim=1)
r = torch.sigmoid(i_r + h_r)
z = torch.sigmoid(i_z + h_z)
n = torch.tanh(i_n + r * h_n_)  # r scales W_hn h + b_hn, after the product
h_1 = (1 - z) * n + z * h
print("step 1 by the formulas:", torch.allclose(h_1, output[:, 0], atol=1e-6))
