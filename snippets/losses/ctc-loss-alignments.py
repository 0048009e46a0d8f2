import itertools

import torch
import torch.nn.functional as F

torch.manual_seed(0)
T, C, blank = 5, 3, 0  # 5 frames; classes: blank, "a" = 1, "b" = 2
log_probs = torch.randn(T, C, dtype=torch.float64).log_softmax(dim=1)
target = [1, 1, 2]  # "a a b": the repeated "a" needs a blank between its copies


def collapse(path):
    """B: merge repeated symbols, then drop blanks."""
    merged = [s for i, s in enumerate(path) if i == 0 or s != path[i - 1]]
    return [s for s in merged if s != blank]


valid = [p for p in itertools.product(range(C), repeat=T) if collapse(list(p)) == target]
names = "-ab"
print(f"{len(valid)} of {C**T} paths collapse to 'aab':")
print(["".join(names[s] for s in path) for path in valid])

# p(y | x) is the sum over those alignments of the product of frame probabilities
p = sum(torch.exp(sum(log_probs[t, s] for t, s in enumerate(path))) for path in valid)
loss = F.ctc_loss(
    log_probs, torch.tensor(target), torch.tensor(T), torch.tensor(3), reduction="sum"
)
print("-log(sum over alignments):", round(-torch.log(p).item(), 6))
print("F.ctc_loss:               ", round(loss.item(), 6))
