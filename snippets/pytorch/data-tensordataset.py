import torch
from torch.utils.data import TensorDataset

torch.manual_seed(0)

features = torch.randn(6, 3)  # 6 examples, 3 features each
labels = torch.tensor([0, 1, 0, 1, 1, 0])
data = TensorDataset(features, labels)

x, y = data[4]  # a tuple: one row of every tensor
print("len:", len(data), "| sample shapes:", tuple(x.shape), tuple(y.shape))
print("same row:", torch.equal(x, features[4]), y.item() == labels[4].item())
print("slicing works too:", [tuple(t.shape) for t in data[1:4]])

try:
    TensorDataset(features, labels[:5])
except AssertionError as error:
    print("AssertionError:", error)
