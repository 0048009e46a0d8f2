import torch
from torch import nn

from nnref.layers.transformer import square_subsequent_mask, transformer, transformer_encoder_layer

torch.manual_seed(0)

options = {"activation": "gelu", "batch_first": True, "norm_first": True}
layer = nn.TransformerEncoderLayer(d_model=16, nhead=4, dim_feedforward=32, **options).eval()
x = torch.randn(2, 5, 16)
ours = transformer_encoder_layer(x, dict(layer.named_parameters()), nhead=4, **options)
same = torch.allclose(ours, layer(x), atol=1e-5)
print(tuple(ours.shape), "pre-LN GELU encoder layer equal to torch:", same)

model = nn.Transformer(16, 4, 2, 2, 32, batch_first=True).eval()
src, tgt = torch.randn(2, 7, 16), torch.randn(2, 5, 16)
mask = square_subsequent_mask(5)
print("same causal mask:", torch.equal(mask, nn.Transformer.generate_square_subsequent_mask(5)))
params = dict(model.named_parameters())  # encoder.layers.0.self_attn.in_proj_weight, ...
ours = transformer(src, tgt, params, nhead=4, tgt_mask=mask, batch_first=True)
same = torch.allclose(ours, model(src, tgt, tgt_mask=mask), atol=1e-5)
print(tuple(ours.shape), "equal to nn.Transformer:", same)
