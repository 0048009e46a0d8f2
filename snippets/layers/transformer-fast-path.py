import warnings

import torch
from torch import nn

torch.manual_seed(0)

# Construction warns when the nested-tensor fast path cannot be used
for options in ({"batch_first": False}, {"batch_first": True, "norm_first": True}):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        nn.TransformerEncoder(nn.TransformerEncoderLayer(16, 4, 32, **options), num_layers=2)
    print(options, "->", str(caught[0].message).split(" because ")[1])
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    layer = nn.TransformerEncoderLayer(16, 4, 32, batch_first=True, norm_first=True)
    nn.TransformerEncoder(layer, num_layers=2, enable_nested_tensor=False)
print("enable_nested_tensor=False:", len(caught), "warnings")

# In eval mode without autograd, a padding mask sends the input through nested tensors
encoder = nn.TransformerEncoder(nn.TransformerEncoderLayer(16, 4, 32, batch_first=True), 2).eval()
x = torch.randn(2, 5, 16)
padding = torch.tensor([[False] * 5, [False] * 3 + [True] * 2])  # True = padding
slow = encoder(x, src_key_padding_mask=padding)  # autograd on: the regular path
with torch.no_grad(), warnings.catch_warnings():
    warnings.simplefilter("ignore")  # "nested tensors are in prototype stage"
    fast = encoder(x, src_key_padding_mask=padding)
print("padded positions, regular path: all zero?", bool((slow[1, 3:] == 0).all()))
print("padded positions, fast path:    all zero?", bool((fast[1, 3:] == 0).all()))
print("real tokens agree:", torch.allclose(slow[~padding], fast[~padding], atol=1e-5))
