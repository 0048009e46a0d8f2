import torch
from torch import nn

torch.manual_seed(0)
layer = nn.TransformerDecoderLayer(d_model=16, nhead=4, dim_feedforward=32, batch_first=True)
decoder = nn.TransformerDecoder(layer, num_layers=2)  # norm=None: no final LayerNorm
print(len(decoder.layers), "layers, final norm:", decoder.norm)
decoder.eval()

tgt = torch.randn(2, 5, 16)  # (N, T, E)
memory = torch.randn(2, 7, 16)  # (N, S, E)
mask = nn.Transformer.generate_square_subsequent_mask(5)
memory_padding = torch.tensor([[False] * 7, [False] * 5 + [True] * 2])  # (N, S), True = padding
y = decoder(tgt, memory, tgt_mask=mask, memory_key_padding_mask=memory_padding)
print("output", tuple(y.shape))

# Every layer attends to the same memory
manual = tgt
for block in decoder.layers:
    manual = block(manual, memory, tgt_mask=mask, memory_key_padding_mask=memory_padding)
print("= layers in turn, same memory:", torch.allclose(y, manual, atol=1e-6))
