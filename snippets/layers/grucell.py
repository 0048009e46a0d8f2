import torch
from torch import nn

torch.manual_seed(0)

cell = nn.GRUCell(input_size=3, hidden_size=4)
x = torch.randn(6, 2, 3)  # (L=6 steps, N=2, 3 features)
h = torch.zeros(2, 4)
outputs = []
for x_t in x:
    h = cell(x_t, h)
    outputs.append(h)
print("h", tuple(h.shape))

# The same weights in nn.GRU give the same sequence
gru = nn.GRU(input_size=3, hidden_size=4)
with torch.no_grad():
    for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
        getattr(gru, f"{name}_l0").copy_(getattr(cell, name))
output, h_n = gru(x)
print("loop of GRUCell == nn.GRU:", torch.allclose(torch.stack(outputs), output, atol=1e-6))

# z = 1 keeps the old state: with a huge update-gate bias the cell copies h through
with torch.no_grad():
    cell.bias_ih[4:8] = 100.0
print("z = 1 copies h:", torch.allclose(cell(x[0], h), h))
print("unbatched", tuple(cell(x[0, 0]).shape))
