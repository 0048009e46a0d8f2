import torch
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.randn(2, 6)
g = torch.randn(2, 6)

y = x * torch.sigmoid(g)  # gating; Keras: layers.Multiply()([x, gate])
print(
    "gated", tuple(y.shape), "| same as torch.mul:", torch.equal(y, torch.mul(x, torch.sigmoid(g)))
)

z = torch.randn(2, 8)
a, b = z.chunk(2, dim=-1)
print("GLU = a * sigmoid(b):", torch.allclose(F.glu(z, dim=-1), a * torch.sigmoid(b)))

features = torch.randn(2, 3, 4, 4)
channel_weights = torch.sigmoid(torch.randn(2, 3, 1, 1))  # one weight per channel
print("per-channel scaling", tuple((features * channel_weights).shape))

m = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
print("elementwise m * m:", (m * m).tolist(), "| matrix product m @ m:", (m @ m).tolist())
