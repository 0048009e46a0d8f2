import torch
from torch import nn

torch.manual_seed(0)
layer = nn.TransformerEncoderLayer(d_model=16, nhead=4, dim_feedforward=32, batch_first=True)
print([name for name, _ in layer.named_children()])
print("parameters:", sum(p.numel() for p in layer.parameters()))  # 4E^2+4E + 2EF+F+E + 4E

x = torch.randn(2, 5, 16)  # (N, S, E)
layer.eval()  # dropout off
y = layer(x)
print("output", tuple(y.shape))

# Post-LN (norm_first=False): x = norm1(x + self_attn(x)); x = norm2(x + ffn(x))
h = layer.norm1(x + layer.self_attn(x, x, x, need_weights=False)[0])
manual = layer.norm2(h + layer.linear2(torch.relu(layer.linear1(h))))
print("post-LN formula:", torch.allclose(y, manual, atol=1e-6))

# Pre-LN (norm_first=True): x = x + self_attn(norm1(x)); x = x + ffn(norm2(x))
layer.norm_first = True
n = layer.norm1(x)
h = x + layer.self_attn(n, n, n, need_weights=False)[0]
manual = h + layer.linear2(torch.relu(layer.linear1(layer.norm2(h))))
print("pre-LN formula: ", torch.allclose(layer(x), manual, atol=1e-6))
