"""Figures of data loading, the training loop and validation.

Every curve is a real run: batches come from ``torch.utils.data.DataLoader``, training from
``nnref.training.loop.fit``, folds from scikit-learn's splitters, the stopping point from
``nnref.training.early_stopping.EarlyStopping``.
"""

import matplotlib.pyplot as plt
import numpy as np
import torch
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure
from sklearn.model_selection import KFold, TimeSeriesSplit
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from nnref.figures.palette import BLUE, GREEN, GREY, ORANGE, PURPLE, RED
from nnref.training.early_stopping import EarlyStopping
from nnref.training.loop import fit

BATCH_COLORS = [BLUE, ORANGE, GREEN, PURPLE]


def data_loading_batches() -> Figure:
    """Three epochs of ``DataLoader(range(10), batch_size=4, shuffle=True)`` and one with
    ``drop_last=True``: each cell is a dataset index, coloured by the batch it falls in."""
    generator = torch.Generator().manual_seed(0)
    dataset = TensorDataset(torch.arange(10))
    loader = DataLoader(dataset, batch_size=4, shuffle=True, generator=generator)
    rows = [[b[0].tolist() for b in loader] for _ in range(3)]
    dropping = DataLoader(
        dataset,
        batch_size=4,
        shuffle=True,
        drop_last=True,
        generator=torch.Generator().manual_seed(0),
    )
    rows.append([b[0].tolist() for b in dropping])
    figure, axis = plt.subplots(figsize=(7.5, 2.6))
    for row, batches in enumerate(rows):
        column = 0
        for number, batch in enumerate(batches):
            for index in batch:
                axis.add_patch(
                    plt.Rectangle(
                        (column, -row - 0.9), 0.92, 0.8, color=BATCH_COLORS[number], alpha=0.85
                    )
                )
                axis.text(
                    column + 0.46,
                    -row - 0.5,
                    str(index),
                    ha="center",
                    va="center",
                    color="white",
                    fontsize=11,
                )
                column += 1
            column += 0.3
    axis.set_xlim(-0.1, 11)
    axis.set_ylim(-4.05, 0.05)
    axis.set_yticks([-0.5, -1.5, -2.5, -3.5], ["$1$", "$2$", "$3$", "drop_last"])
    axis.set_xticks([])
    axis.grid(False)
    for side in ("left", "bottom"):
        axis.spines[side].set_visible(False)
    figure.tight_layout()
    return figure


def _curves_problem() -> tuple[TensorDataset, TensorDataset]:
    """Two noisy spirals-like classes in 2-D: 200 training and 200 validation points."""
    generator = torch.Generator().manual_seed(0)
    x = torch.randn(400, 2, generator=generator)
    y = ((x[:, 0] * x[:, 1] > 0) ^ (torch.rand(400, generator=generator) < 0.1)).long()
    return TensorDataset(x[:200], y[:200]), TensorDataset(x[200:], y[200:])


def training_loop_curves() -> Figure:
    """Training and validation loss per epoch of ``fit`` (Adam, StepLR), and the learning
    rate of every epoch."""
    torch.manual_seed(0)
    train, val = _curves_problem()
    model = nn.Sequential(nn.Linear(2, 32), nn.ReLU(), nn.Linear(32, 2))
    optimizer = torch.optim.Adam(model.parameters(), lr=0.02)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=15, gamma=0.3)
    history = fit(
        model,
        DataLoader(train, batch_size=40, shuffle=True, generator=torch.Generator().manual_seed(1)),
        nn.CrossEntropyLoss(),
        optimizer,
        45,
        val_loader=DataLoader(val, batch_size=200),
        scheduler=scheduler,
    )
    epochs = np.arange(1, history.epochs + 1)
    figure, (left, right) = plt.subplots(
        1, 2, figsize=(10, 3.6), gridspec_kw={"width_ratios": [2, 1]}
    )
    left.plot(epochs, history.train_loss, color=BLUE, linewidth=1.6, label="train_loss")
    left.plot(epochs, history.val_loss, color=ORANGE, linewidth=1.6, label="val_loss")
    left.set_xlabel("epoch")
    left.set_ylabel(r"$\bar L$")
    left.legend(loc="upper right", fontsize=9)
    right.step(epochs, history.lr, where="post", color=GREEN, linewidth=1.6)
    right.set_yscale("log")
    right.set_xlabel("epoch")
    right.set_ylabel("lr")
    figure.tight_layout()
    return figure


def overfitting_run(epochs: int = 150) -> tuple[list[float], list[float]]:
    """Train a wide tanh network on 10 noisy samples of sin(3x) for ``epochs`` full-batch
    Adam steps; return the training and validation (50 samples) losses per epoch."""
    torch.manual_seed(0)
    x = torch.rand(60, 1) * 2 - 1
    y = torch.sin(3 * x) + 0.5 * torch.randn(60, 1)
    model = nn.Sequential(
        nn.Linear(1, 64), nn.Tanh(), nn.Linear(64, 64), nn.Tanh(), nn.Linear(64, 1)
    )
    history = fit(
        model,
        DataLoader(TensorDataset(x[:10], y[:10]), batch_size=10),
        nn.MSELoss(),
        torch.optim.Adam(model.parameters(), lr=0.03),
        epochs,
        val_loader=DataLoader(TensorDataset(x[10:], y[10:]), batch_size=50),
    )
    return history.train_loss, history.val_loss


def validation_early_stopping() -> Figure:
    """Learning curves of an overfitting network, with the epoch early stopping keeps
    (``best_epoch``) and the epoch it stops at (``stopped_epoch``, patience 20)."""
    train_loss, val_loss = overfitting_run()
    stopper = EarlyStopping(patience=20)
    for value in val_loss:
        if stopper.step(value):
            break
    epochs = np.arange(len(train_loss))
    figure, axis = plt.subplots(figsize=(7.5, 3.8))
    axis.plot(epochs, train_loss, color=BLUE, linewidth=1.6, label="train_loss")
    axis.plot(epochs, val_loss, color=ORANGE, linewidth=1.6, label="val_loss")
    best, stop = stopper.best_epoch, stopper.stopped_epoch
    axis.axvline(best, color=GREEN, linestyle="--", linewidth=1.2, label="best_epoch")
    axis.axvline(stop, color=RED, linestyle=":", linewidth=1.4, label="stopped_epoch")
    axis.plot([best], [val_loss[best]], "o", color=GREEN)
    axis.annotate(
        "",
        xy=(stop, val_loss[best] * 0.75),
        xytext=(best, val_loss[best] * 0.75),
        arrowprops=dict(arrowstyle="<->", color=GREY),
    )
    axis.text(
        (best + stop) / 2, val_loss[best] * 0.62, "patience", ha="center", fontsize=9, color=GREY
    )
    axis.set_yscale("log")
    axis.set_xlabel("epoch")
    axis.set_ylabel(r"$\bar L$")
    axis.legend(loc="lower left", fontsize=9)
    figure.tight_layout()
    return figure


def _fold_grid(axis: plt.Axes, splitter: object, n: int) -> None:
    grid = np.zeros((splitter.get_n_splits(), n))  # 0 unused, 1 train, 2 validation
    for fold, (train, val) in enumerate(splitter.split(np.zeros((n, 1)))):
        grid[fold, train] = 1
        grid[fold, val] = 2
    axis.imshow(grid, cmap=ListedColormap(["#eeeeee", BLUE, ORANGE]), vmin=0, vmax=2, aspect="auto")
    axis.set_xticks(np.arange(-0.5, n, 1), minor=True)
    axis.set_yticks(np.arange(-0.5, len(grid), 1), minor=True)
    axis.grid(which="minor", color="white", linewidth=1.5)
    axis.grid(which="major", visible=False)
    axis.tick_params(which="minor", length=0)
    axis.set_yticks(range(len(grid)), [f"${k + 1}$" for k in range(len(grid))])
    axis.set_xticks([0, n - 1], ["$0$", f"${n - 1}$"])
    axis.set_title(type(splitter).__name__, fontsize=11)


def validation_folds() -> Figure:
    """Which indices each fold trains on (blue) and validates on (orange): ``KFold(5)`` on
    20 samples, and ``TimeSeriesSplit(4)`` on 20 samples (grey: unused)."""
    figure, (left, right) = plt.subplots(1, 2, figsize=(10, 2.8))
    _fold_grid(left, KFold(5), 20)
    _fold_grid(right, TimeSeriesSplit(4), 20)
    figure.tight_layout()
    return figure


FIGURES = {
    "data-loading-batches": data_loading_batches,
    "training-loop-curves": training_loop_curves,
    "validation-early-stopping": validation_early_stopping,
    "validation-folds": validation_folds,
}
CODE_NAMES = {
    "drop_last",
    "train_loss",
    "val_loss",
    "lr",
    "epoch",
    "best_epoch",
    "stopped_epoch",
    "patience",
    "KFold",
    "TimeSeriesSplit",
}
