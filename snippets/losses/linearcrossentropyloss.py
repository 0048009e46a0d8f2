import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
criterion = nn.LinearCrossEntropyLoss(in_features=16, num_classes=1000)
print(criterion.linear)  # the projection lives inside the loss
hidden = torch.randn(32, 16, requires_grad=True)  # (N, in_features): features, not logits
labels = torch.randint(0, 1000, (32,))

loss = criterion(hidden, labels)
reference = F.cross_entropy(F.linear(hidden, criterion.linear.weight), labels)
print("= cross_entropy(linear(x)):", loss, torch.allclose(loss, reference))

# options switch on the chunked path: 8 rows of logits at a time, same loss and gradient
chunked = nn.LinearCrossEntropyLoss(
    16, 1000, options=nn.LinearCrossEntropyOptions(batch_chunk_size=8)
)
chunked.load_state_dict(criterion.state_dict())
loss_chunked = chunked(hidden, labels)
(grad_chunked,) = torch.autograd.grad(loss_chunked, hidden)
(grad_reference,) = torch.autograd.grad(reference, hidden)
print(
    "chunked equal:",
    torch.allclose(loss_chunked, reference),
    torch.allclose(grad_chunked, grad_reference),
)
