import torch
from torch import nn

torch.manual_seed(0)
model = nn.Transformer(16, 4, 1, 1, 32, batch_first=True).eval()
src = torch.randn(1, 6, 16)
tgt = torch.randn(1, 4, 16)
later = tgt.clone()
later[:, 3] += 1.0  # change only the last target token


def first_output_changes(**masks):
    before = model(src, tgt, **masks)[:, 0]
    after = model(src, later, **masks)[:, 0]
    return not torch.allclose(before, after, atol=1e-6)


# Without tgt_mask the decoder's self-attention sees the whole target: a leak from the future
print("no tgt_mask:   position 0 depends on token 3:", first_output_changes())
mask = nn.Transformer.generate_square_subsequent_mask(4)
print("with tgt_mask: position 0 depends on token 3:", first_output_changes(tgt_mask=mask))
