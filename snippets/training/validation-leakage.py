import torch
from sklearn.model_selection import KFold

torch.manual_seed(0)
x = torch.cat([torch.randn(80, 1), torch.randn(20, 1) + 4])  # the last 20 rows differ

train_idx, val_idx = next(KFold(n_splits=5).split(x))  # fold 0 validates rows 0..19
# Wrong: statistics of ALL the data, validation fold included
mean_all, std_all = x.mean(0), x.std(0)
# Right: statistics of the training fold only, applied to both folds
mean_train, std_train = x[train_idx].mean(0), x[train_idx].std(0)
print(f"mean of all rows {mean_all.item():.3f} vs training fold {mean_train.item():.3f}")
print(f"std  of all rows {std_all.item():.3f} vs training fold {std_train.item():.3f}")
x_val = (x[val_idx] - mean_train) / std_train
print(
    f"validation fold, scaled correctly: mean {x_val.mean().item():.3f} (not 0: it is unseen data)"
)
