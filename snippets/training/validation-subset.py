import torch
from sklearn.model_selection import train_test_split
from torch.utils.data import Subset, TensorDataset

torch.manual_seed(0)
x = torch.randn(20, 3)
y = torch.tensor([0] * 15 + [1] * 5)  # imbalanced: 25% class 1
data = TensorDataset(x, y)

# Stratified hold-out with scikit-learn, applied through Subset (a view, no copy):
train_idx, val_idx = train_test_split(
    list(range(20)), test_size=0.2, stratify=y.numpy(), random_state=0
)
train, val = Subset(data, train_idx), Subset(data, val_idx)
print("sizes:", len(train), len(val), "| val indices:", sorted(val_idx))
print(
    "class-1 share, train/val:",
    y[train_idx].float().mean().item(),
    y[val_idx].float().mean().item(),
)
xs, ys = val[0]  # val[i] is data[val_idx[i]]
print("val[0] is data[val_idx[0]]:", torch.equal(xs, x[val_idx[0]]))
print("a view, not a copy:", val.dataset is data)
