import torch
from torch import nn

torch.manual_seed(0)
layer = nn.TransformerEncoderLayer(d_model=16, nhead=4, dim_feedforward=32, batch_first=True)
encoder = nn.TransformerEncoder(layer, num_layers=3)

first, second = encoder.layers[0], encoder.layers[1]
print("layers 0 and 1 start identical:", torch.equal(first.linear1.weight, second.linear1.weight))
print("but are separate parameters:   ", first.linear1.weight is not second.linear1.weight)

# Re-initialise each copy (nn.Transformer does this itself with xavier_uniform_)
for p in encoder.parameters():
    if p.dim() > 1:
        nn.init.xavier_uniform_(p)
print("after re-initialisation:       ", torch.equal(first.linear1.weight, second.linear1.weight))

model = nn.Transformer(16, 4, 2, 2, 32, batch_first=True)
a, b = model.encoder.layers[0], model.encoder.layers[1]
print("nn.Transformer layers identical:", torch.equal(a.linear1.weight, b.linear1.weight))
