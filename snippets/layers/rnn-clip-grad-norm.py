import torch
from torch import nn

torch.manual_seed(0)

rnn = nn.RNN(input_size=8, hidden_size=32)
with torch.no_grad():  # a recurrent matrix that amplifies: spectral radius about 3
    rnn.weight_hh_l0.copy_(3 * torch.randn(32, 32) / 32**0.5)
x = torch.randn(60, 1, 8)
output, h_n = rnn(x)
h_n.sum().backward()

grads = [p.grad.clone() for p in rnn.parameters()]
total = nn.utils.clip_grad_norm_(rnn.parameters(), max_norm=1.0)  # returns the norm before
print(f"norm before clipping: {total.item():.1e}")
after = torch.linalg.vector_norm(torch.cat([p.grad.flatten() for p in rnn.parameters()]))
print("norm after clipping:", round(after.item(), 4))
scale = 1.0 / (total + 1e-6)  # every gradient is multiplied by max_norm / (norm + 1e-6)
same_direction = all(
    torch.allclose(p.grad, g * scale) for p, g in zip(rnn.parameters(), grads, strict=True)
)
print("same direction, shorter:", same_direction)
