import torch
from torch import nn

print(nn.LinearCrossEntropyOptions())

torch.manual_seed(0)
options = nn.LinearCrossEntropyOptions(batch_chunk_size=4)
criterion = nn.LinearCrossEntropyLoss(8, 50, options=options)
loss = criterion(torch.randn(16, 8, requires_grad=True), torch.randint(0, 50, (16,)))
loss.backward(retain_graph=True)
try:
    loss.backward()  # the precomputed gradients were consumed by the first backward
except RuntimeError as error:
    print("second backward:", error)

criterion.options = nn.LinearCrossEntropyOptions(batch_chunk_size=4, allow_retain_graph=True)
loss = criterion(torch.randn(16, 8), torch.randint(0, 50, (16,)))
loss.backward(retain_graph=True)
loss.backward()
print("allow_retain_graph=True: two backward passes run")

try:
    nn.LinearCrossEntropyOptions(chunking_method="rows")
except ValueError as error:
    print("ValueError:", error)
