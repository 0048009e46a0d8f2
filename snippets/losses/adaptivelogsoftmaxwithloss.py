import torch
from torch import nn

torch.manual_seed(0)
# 1000 classes sorted by frequency: shortlist [0, 10), clusters [10, 100) and [100, 1000)
asm = nn.AdaptiveLogSoftmaxWithLoss(
    in_features=64, n_classes=1000, cutoffs=[10, 100], div_value=4.0
)
print("head:", tuple(asm.head.weight.shape))  # 10 shortlist classes + 2 cluster tokens
for i, (projection, output) in enumerate(asm.tail):
    print(f"cluster {i}:", tuple(projection.weight.shape), tuple(output.weight.shape))
print("parameters:", sum(p.numel() for p in asm.parameters()), "vs full softmax:", 64 * 1000)

hidden = torch.randn(5, 64)
labels = torch.tensor([3, 42, 999, 0, 150])
output, loss = asm(hidden, labels)  # a named tuple (output, loss)
print("output:", output.shape, "loss = -output.mean():", torch.allclose(loss, -output.mean()))

log_prob = asm.log_prob(hidden)  # (N, n_classes), a full distribution
print(
    "log_prob:",
    log_prob.shape,
    "sums to 1:",
    torch.allclose(log_prob.exp().sum(dim=1), torch.ones(5)),
)
print("output = log_prob[y]:", torch.allclose(output, log_prob[torch.arange(5), labels]))
print("predict = argmax:", torch.equal(asm.predict(hidden), log_prob.argmax(dim=1)))
