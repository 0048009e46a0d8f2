import torch
from torch import nn

from nnref.losses.adaptive_log_softmax import (
    AdaptiveSoftmaxParams,
    adaptive_log_prob,
    adaptive_log_softmax_with_loss,
    adaptive_predict,
)

torch.manual_seed(0)
asm = nn.AdaptiveLogSoftmaxWithLoss(64, 200, cutoffs=[8, 40, 120], head_bias=True).double()
params = AdaptiveSoftmaxParams.from_module(asm)  # the module's own tensors
hidden = torch.randn(9, 64, dtype=torch.float64, requires_grad=True)
labels = torch.tensor([0, 7, 8, 39, 40, 119, 120, 199, 3])  # every cluster and every edge

output, loss = adaptive_log_softmax_with_loss(hidden, labels, params)
expected = asm(hidden, labels)
grads = [torch.autograd.grad(v, (hidden, asm.head.weight)) for v in (loss, expected.loss)]
print(
    "output:",
    torch.allclose(output, expected.output),
    " loss:",
    torch.allclose(loss, expected.loss),
)
print("gradients:", all(torch.allclose(a, b) for a, b in zip(*grads, strict=True)))
print("log_prob:", torch.allclose(adaptive_log_prob(hidden, params), asm.log_prob(hidden)))
print("predict:", torch.equal(adaptive_predict(hidden, params), asm.predict(hidden)))
