import torch
from torch import nn

torch.manual_seed(0)
model = nn.Transformer(
    d_model=16,
    nhead=4,
    num_encoder_layers=2,
    num_decoder_layers=2,
    dim_feedforward=32,
    batch_first=True,
)
for stack in (model.encoder, model.decoder):
    print(type(stack).__name__, len(stack.layers), "layers + final", type(stack.norm).__name__)
print("parameters:", sum(p.numel() for p in model.parameters()))

src = torch.randn(2, 7, 16)  # (N, S, E): the source sequence, already embedded
tgt = torch.randn(2, 5, 16)  # (N, T, E): the target sequence shifted right
tgt_mask = nn.Transformer.generate_square_subsequent_mask(5)  # float: 0 allowed, -inf blocked
print(tgt_mask)
model.eval()  # dropout=0.1 by default: off for inference
out = model(src, tgt, tgt_mask=tgt_mask)
print("output", tuple(out.shape))  # the shape of tgt: one vector per target position

memory = model.encoder(src)  # (N, S, E)
decoded = model.decoder(tgt, memory, tgt_mask=tgt_mask)
print("= decoder(tgt, encoder(src)):", torch.allclose(out, decoded, atol=1e-6))
