import torch
import torch.nn.functional as F

from nnref.layers.dropout import alpha_dropout, bernoulli_mask, dropout, dropout2d

x = torch.randn(2, 3, 4, 4, requires_grad=True)

# The same seed gives the same Bernoulli mask: the outputs are bitwise equal
for ours, theirs in [
    (dropout, F.dropout),
    (dropout2d, F.dropout2d),
    (alpha_dropout, F.alpha_dropout),
]:
    torch.manual_seed(1)
    y_ours = ours(x, p=0.3, training=True)
    torch.manual_seed(1)
    y_torch = theirs(x, p=0.3, training=True)
    print(f"{ours.__name__:13}", tuple(y_ours.shape), "equal:", torch.equal(y_ours, y_torch))

# With an explicit mask the gradient is mask / (1 - p), exactly
mask = bernoulli_mask(x.shape, 0.3, generator=torch.Generator().manual_seed(0))
y = dropout(x, p=0.3, mask=mask)
(grad,) = torch.autograd.grad(y.sum(), x)
print("grad == mask / (1 - p):", torch.equal(grad, mask / 0.7))
print("eval returns the input:", dropout(x, p=0.3, training=False) is x)
