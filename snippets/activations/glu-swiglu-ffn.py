import torch
import torch.nn.functional as F
from torch import nn


class SwiGLUFeedForward(nn.Module):
    """W2 (SiLU(x W1) * x W3), as in LLaMA: the gated feed-forward block of a Transformer."""

    def __init__(self, d_model: int, d_hidden: int) -> None:
        super().__init__()
        self.up = nn.Linear(d_model, 2 * d_hidden, bias=False)  # [value | gate] in one matmul
        self.down = nn.Linear(d_hidden, d_model, bias=False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        value, gate = self.up(x).chunk(2, dim=-1)
        return self.down(value * F.silu(gate))


torch.manual_seed(0)
d_model = 48
relu_ffn = nn.Sequential(
    nn.Linear(d_model, 4 * d_model, bias=False),
    nn.ReLU(),
    nn.Linear(4 * d_model, d_model, bias=False),
)
swiglu_ffn = SwiGLUFeedForward(d_model, d_hidden=2 * 4 * d_model // 3)  # 2/3 of 4 d: 128
x = torch.randn(2, 10, d_model)
print(tuple(swiglu_ffn(x).shape))
print(
    "parameters:",
    sum(p.numel() for p in relu_ffn.parameters()),
    sum(p.numel() for p in swiglu_ffn.parameters()),
)

# GLU itself is the same split with a sigmoid gate
h = torch.randn(2, 10, 256)
value, gate = h.chunk(2, dim=-1)
print("F.glu(h) = value * sigmoid(gate):", torch.allclose(F.glu(h), value * torch.sigmoid(gate)))
