import torch
from torch import nn

from nnref.layers.layer_norm import layer_norm, rms_norm

torch.manual_seed(0)
x = torch.randn(4, 3, 6)

ln = nn.LayerNorm((3, 6))
with torch.no_grad():  # non-trivial affine parameters
    ln.weight.normal_()
    ln.bias.normal_()
ours = layer_norm(x, (3, 6), ln.weight, ln.bias)
print(
    "layer_norm",
    tuple(ours.shape),
    "equal to nn.LayerNorm:",
    torch.allclose(ours, ln(x), atol=1e-6),
)

rms = nn.RMSNorm(6)
print("rms_norm  ", "equal to nn.RMSNorm:", torch.allclose(rms_norm(x, 6, rms.weight), rms(x)))
