import torch
from sklearn.model_selection import KFold
from torch import nn

from nnref.training.cross_validation import cross_validate

torch.manual_seed(0)
x = torch.randn(100, 4) * torch.tensor([1.0, 5.0, 0.1, 20.0]) + 3  # unscaled features
y = (x[:, 0] - 3 + (x[:, 1] - 3) / 5 > 0).long()


def make_model(fold):
    torch.manual_seed(fold)  # a fresh, reproducible model per fold
    return nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 2))


def accuracy(logits, target):
    return (logits.argmax(1) == target).float().mean()


result = cross_validate(
    make_model,
    lambda model: torch.optim.Adam(model.parameters(), lr=0.01),
    x,
    y,
    KFold(n_splits=5, shuffle=True, random_state=0),
    nn.CrossEntropyLoss(),
    epochs=10,
    batch_size=20,
    metric=accuracy,
)
for fold, ((train, val), score) in enumerate(zip(result.folds, result.scores, strict=True)):
    print(f"fold {fold}: train {len(train)}, validate {len(val)}, accuracy {score:.2f}")
print(f"5-fold accuracy: {result.mean:.3f} ± {result.std:.3f}")
validated = sorted(int(i) for _, val in result.folds for i in val)
print("every example validated exactly once:", validated == list(range(100)))
