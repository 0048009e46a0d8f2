import warnings

import torch
from torch import nn

torch.manual_seed(0)
options = nn.LinearCrossEntropyOptions(batch_chunk_size=8)
criterion = nn.LinearCrossEntropyLoss(16, 1000, label_smoothing=0.1, options=options)
hidden, labels = torch.randn(64, 16), torch.randint(0, 1000, (64,))

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    loss = criterion(hidden, labels)  # label smoothing: the full (64, 1000) logits after all
print(caught[0].message.args[0].split(". Got")[0])

# class probabilities must not be combined with ignore_index
try:
    nn.LinearCrossEntropyLoss(16, 5, ignore_index=-100)(hidden, torch.rand(64, 5).softmax(dim=1))
except RuntimeError as error:
    print("RuntimeError:", error)
