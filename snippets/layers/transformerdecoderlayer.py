import torch
from torch import nn

torch.manual_seed(0)
layer = nn.TransformerDecoderLayer(d_model=16, nhead=4, dim_feedforward=32, batch_first=True)
print([name for name, _ in layer.named_children()])
print("parameters:", sum(p.numel() for p in layer.parameters()))  # 2 attentions, FFN, 3 norms
layer.eval()

tgt = torch.randn(2, 5, 16)  # (N, T, E)
memory = torch.randn(2, 7, 16)  # (N, S, E): the encoder's output
mask = nn.Transformer.generate_square_subsequent_mask(5)
y = layer(tgt, memory, tgt_mask=mask, tgt_is_causal=True)
print("output", tuple(y.shape))

# With the causal tgt_mask, changing the last target token leaves earlier outputs alone
tgt2 = tgt.clone()
tgt2[:, -1] += 1.0
y2 = layer(tgt2, memory, tgt_mask=mask, tgt_is_causal=True)
print("earlier positions unchanged:", torch.allclose(y[:, :-1], y2[:, :-1], atol=1e-6))

# Cross-attention: every target position attends to every memory position
_, cross = layer.multihead_attn(tgt, memory, memory)
print("cross-attention weights", tuple(cross.shape))  # (N, T, S)
