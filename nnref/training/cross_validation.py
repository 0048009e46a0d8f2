"""k-fold cross-validation of a neural network: a fresh model per fold, trained by ``fit``.

The folds come from a scikit-learn splitter (``KFold``, ``StratifiedKFold``, ``GroupKFold``,
``TimeSeriesSplit``, ...), whose ``split(x, y, groups)`` yields ``(train_index,
val_index)`` pairs; each pair becomes two ``torch.utils.data.Subset`` views of one dataset.
Everything fitted to data is fitted on the training fold only: the ``Standardizer`` (mean and
standard deviation of every feature), the model and the optimizer; the validation fold is
only evaluated. The result is one score per fold, reported as mean and standard deviation.
"""

import statistics
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, Subset, TensorDataset

from nnref._checks import require_positive_int, require_tensor
from nnref.training.loop import History, LossFn, evaluate, fit

__all__ = ["CrossValidationResult", "Standardizer", "cross_validate"]


class Standardizer:
    """Feature-wise standardisation ``(x - mean) / std`` with statistics from ``fit`` only.

    ``std`` is the population standard deviation (``unbiased=False``, as scikit-learn's
    ``StandardScaler``); a constant feature gets ``std = 1``.
    """

    def __init__(self) -> None:
        self.mean: torch.Tensor | None = None
        self.std: torch.Tensor | None = None

    def fit(self, x: torch.Tensor) -> "Standardizer":
        """Compute the mean and standard deviation of every column of ``x`` (shape ``(n, d)``)."""
        require_tensor("x", x)
        if x.dim() < 2 or x.shape[0] < 1:
            raise ValueError(f"x must have shape (n, ...) with n >= 1, got {tuple(x.shape)}")
        self.mean = x.mean(0)
        std = x.std(0, unbiased=False)
        self.std = torch.where(std > 0, std, torch.ones_like(std))
        return self

    def __call__(self, x: torch.Tensor) -> torch.Tensor:
        if self.mean is None or self.std is None:
            raise RuntimeError("call fit(x_train) before transforming")
        return (x - self.mean) / self.std


@dataclass
class CrossValidationResult:
    """Per-fold outcome of ``cross_validate``.

    Attributes:
        scores: the validation score of each fold (the loss, or ``metric`` if given).
        folds: the ``(train_index, val_index)`` arrays of each fold.
        histories: the ``History`` of each fold's training.
        standardizers: the ``Standardizer`` fitted on each training fold (``None`` entries
            when ``standardize=False``).
    """

    scores: list[float] = field(default_factory=list)
    folds: list[tuple[np.ndarray, np.ndarray]] = field(default_factory=list)
    histories: list[History] = field(default_factory=list)
    standardizers: list[Standardizer | None] = field(default_factory=list)

    @property
    def mean(self) -> float:
        """The mean of the fold scores: the cross-validation estimate."""
        return statistics.fmean(self.scores)

    @property
    def std(self) -> float:
        """The (population) standard deviation of the fold scores, like ``numpy.std``."""
        return statistics.pstdev(self.scores)


def cross_validate(
    make_model: Callable[[int], nn.Module],
    make_optimizer: Callable[[nn.Module], torch.optim.Optimizer],
    x: torch.Tensor,
    y: torch.Tensor,
    splitter: object,
    loss_fn: LossFn,
    *,
    epochs: int,
    batch_size: int = 32,
    groups: np.ndarray | None = None,
    metric: Callable[[torch.Tensor, torch.Tensor], torch.Tensor] | None = None,
    standardize: bool = True,
    seed: int = 0,
) -> CrossValidationResult:
    """Train and validate one fresh model per fold of ``splitter``.

    Args:
        make_model: ``make_model(fold)`` returns a new, untrained model (seed it inside for
            reproducible folds).
        make_optimizer: ``make_optimizer(model)`` returns a new optimizer on its parameters.
        x: inputs, shape ``(n, ...)``.
        y: targets, shape ``(n, ...)``; also passed to ``splitter.split`` (stratification).
        splitter: a scikit-learn splitter, e.g. ``KFold(5, shuffle=True, random_state=0)``.
        loss_fn: the mean loss of a batch, used for training and (without ``metric``) scoring.
        epochs: training epochs per fold.
        batch_size: training batch size; the training loader shuffles with a generator seeded
            with ``seed + fold``.
        groups: group labels for group-aware splitters (``GroupKFold``).
        metric: ``metric(outputs, targets)``, a batch mean, scored instead of the loss.
        standardize: fit a ``Standardizer`` on the training fold's inputs and apply it to
            both folds (never on the validation fold: that would leak its statistics).
        seed: base seed of the shuffling generators.
    """
    require_tensor("x", x)
    require_tensor("y", y)
    if len(x) != len(y):
        raise ValueError(f"x and y must have the same length, got {len(x)} and {len(y)}")
    if not hasattr(splitter, "split"):
        raise TypeError("splitter must have a split(x, y, groups) method (a scikit-learn splitter)")
    require_positive_int("epochs", epochs)
    require_positive_int("batch_size", batch_size)
    result = CrossValidationResult()
    labels = y.numpy() if y.dim() == 1 else None
    for fold, (train_index, val_index) in enumerate(splitter.split(x.numpy(), labels, groups)):
        train_index, val_index = np.asarray(train_index), np.asarray(val_index)
        scaler = Standardizer().fit(x[train_index]) if standardize else None
        dataset = TensorDataset(scaler(x) if scaler else x, y)
        train_loader = DataLoader(
            Subset(dataset, train_index.tolist()),
            batch_size=batch_size,
            shuffle=True,
            generator=torch.Generator().manual_seed(seed + fold),
        )
        val_loader = DataLoader(Subset(dataset, val_index.tolist()), batch_size=len(val_index))
        model = make_model(fold)
        history = fit(model, train_loader, loss_fn, make_optimizer(model), epochs)
        result.scores.append(evaluate(model, val_loader, loss_fn, metric=metric))
        result.folds.append((train_index, val_index))
        result.histories.append(history)
        result.standardizers.append(scaler)
    return result
