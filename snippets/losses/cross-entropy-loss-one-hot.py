import torch
import torch.nn.functional as F

torch.manual_seed(0)
logits = torch.randn(4, 3)
labels = torch.tensor([0, 2, 1, 2])
one_hot = F.one_hot(labels, num_classes=3)  # int64, shape (4, 3)
weight = torch.tensor([1.0, 2.0, 4.0])

print("indices:        ", F.cross_entropy(logits, labels))
print("float one-hot:  ", F.cross_entropy(logits, one_hot.float()))  # read as probabilities
try:
    F.cross_entropy(logits, one_hot)  # int64 one-hot: neither indices nor probabilities
except RuntimeError as error:
    print("int64 one-hot:   RuntimeError:", error)

# with a class weight the two targets no longer agree: different denominators
print("weighted indices:", F.cross_entropy(logits, labels, weight=weight))  # / sum(w[y])
print("weighted one-hot:", F.cross_entropy(logits, one_hot.float(), weight=weight))  # / N
