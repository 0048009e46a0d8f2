import torch
from torch import nn

torch.manual_seed(0)

lstm = nn.LSTM(input_size=3, hidden_size=4, batch_first=True)
for name, parameter in lstm.named_parameters():
    print(f"{name:12} {tuple(parameter.shape)}")  # 4 gate blocks: 4 * hidden_size rows
print("parameters:", sum(p.numel() for p in lstm.parameters()))  # 4 * (4*3 + 4*4 + 4 + 4)

x = torch.randn(2, 5, 3)  # (N, L, input_size)
output, (h_n, c_n) = lstm(x)  # the state is a pair
print("output", tuple(output.shape), "h_n", tuple(h_n.shape), "c_n", tuple(c_n.shape))

# Step 1 by the gate equations; blocks stacked in the order i, f, g, o
gates = x[:, 0] @ lstm.weight_ih_l0.T + lstm.bias_ih_l0 + lstm.bias_hh_l0  # h_0 = 0
i, f, g, o = gates.chunk(4, dim=1)
c_1 = torch.sigmoid(i) * torch.tanh(g)  # + sigmoid(f) * c_0, and c_0 = 0
h_1 = torch.sigmoid(o) * torch.tanh(c_1)
print("step 1 by the formulas:", torch.allclose(h_1, output[:, 0], atol=1e-6))

# proj_size: h_t is projected to proj_size; the cell state keeps hidden_size
projected = nn.LSTM(input_size=3, hidden_size=4, batch_first=True, proj_size=2)
output, (h_n, c_n) = projected(x)
print("proj_size=2: output", tuple(output.shape), "h_n", tuple(h_n.shape), "c_n", tuple(c_n.shape))
print(
    "weight_hr_l0",
    tuple(projected.weight_hr_l0.shape),
    "weight_hh_l0",
    tuple(projected.weight_hh_l0.shape),
)
