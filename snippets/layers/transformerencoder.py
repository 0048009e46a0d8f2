import torch
from torch import nn

torch.manual_seed(0)
layer = nn.TransformerEncoderLayer(d_model=16, nhead=4, dim_feedforward=32, batch_first=True)
encoder = nn.TransformerEncoder(layer, num_layers=3)  # 3 deep copies of `layer`, norm=None
copies = all(block is not layer for block in encoder.layers)
print(len(encoder.layers), "layers; all of them copies of the argument:", copies)
encoder.eval()

x = torch.randn(2, 6, 16)  # (N, S, E)
padding = torch.tensor([[False] * 6, [False] * 4 + [True] * 2])  # (N, S), True = padding
y = encoder(x, src_key_padding_mask=padding)
print("output", tuple(y.shape))

# Padded keys are ignored: changing them does not change the real tokens' outputs
x2 = x.clone()
x2[1, 4:] = 100.0
y2 = encoder(x2, src_key_padding_mask=padding)
print("real tokens unchanged:", torch.allclose(y[~padding], y2[~padding], atol=1e-5))

# The stack is the layers applied in turn
manual = x
for block in encoder.layers:
    manual = block(manual, src_key_padding_mask=padding)
print("= layers in turn:", torch.allclose(y, manual, atol=1e-6))
