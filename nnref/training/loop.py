"""The training loop written out once: one epoch of training, an evaluation pass, and ``fit``.

The canonical PyTorch loop, which ``train_one_epoch`` runs::

    model.train()
    for x, y in loader:
        optimizer.zero_grad()          # forget the previous batch's gradients
        loss = loss_fn(model(x), y)    # forward pass, mean loss over the batch
        loss.backward()                # backpropagation: every .grad = d loss / d parameter
        optimizer.step()               # the update, e.g. theta -= lr * grad

``evaluate`` runs the model in evaluation mode under ``torch.no_grad()`` (dropout off,
batch normalisation uses its running statistics and leaves them unchanged, no graph is built)
and restores the mode the model had. ``fit`` repeats both for a number of epochs, steps a
learning-rate scheduler once per epoch, asks an ``EarlyStopping`` whether to stop, and
returns a ``History`` of the losses.

Every loss reported here is a mean over **examples**: each batch's mean loss is weighted by
its size, so a short last batch counts for what it holds. The training loss of an epoch is
the mean of the losses computed while the weights were changing (the usual running
average), not a second pass with the final weights.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import torch
from torch import nn

from nnref.training.early_stopping import EarlyStopping

__all__ = ["History", "evaluate", "fit", "train_one_epoch"]

Batch = tuple[torch.Tensor, torch.Tensor]
LossFn = Callable[[torch.Tensor, torch.Tensor], torch.Tensor]


def _to(batch: Batch, device: torch.device | str | None) -> Batch:
    x, y = batch
    if device is None:
        return x, y
    return x.to(device), y.to(device)


def _check(model: object, loss_fn: object) -> None:
    if not isinstance(model, nn.Module):
        raise TypeError(f"model must be a torch.nn.Module, got {type(model).__name__}")
    if not callable(loss_fn):
        raise TypeError("loss_fn must be callable (e.g. nn.CrossEntropyLoss())")


def train_one_epoch(
    model: nn.Module,
    loader: Iterable[Batch],
    loss_fn: LossFn,
    optimizer: torch.optim.Optimizer,
    *,
    device: torch.device | str | None = None,
) -> float:
    """One pass over ``loader`` with one optimizer step per batch.

    Args:
        model: the network; it is put in training mode (``model.train()``) and left there.
        loader: yields ``(inputs, targets)`` batches, e.g. a ``DataLoader``.
        loss_fn: ``loss_fn(outputs, targets)`` returns the **mean** loss of the batch.
        optimizer: built on ``model.parameters()``.
        device: where to move each batch (the model must already be there); ``None`` keeps it.

    Returns:
        The mean training loss over the examples of the epoch.
    """
    _check(model, loss_fn)
    if not isinstance(optimizer, torch.optim.Optimizer):
        raise TypeError(
            f"optimizer must be a torch.optim.Optimizer, got {type(optimizer).__name__}"
        )
    model.train()
    total, count = 0.0, 0
    for batch in loader:
        x, y = _to(batch, device)
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(x)
        count += len(x)
    if count == 0:
        raise ValueError("loader yielded no batch")
    return total / count


def evaluate(
    model: nn.Module,
    loader: Iterable[Batch],
    loss_fn: LossFn,
    *,
    metric: Callable[[torch.Tensor, torch.Tensor], torch.Tensor] | None = None,
    device: torch.device | str | None = None,
) -> float:
    """The mean loss (or ``metric``) over every example of ``loader``, without learning.

    The model runs in evaluation mode under ``torch.no_grad()``: no gradient, no change to
    any parameter or buffer (BatchNorm's running statistics included). The training/eval
    mode the model had before the call is restored afterwards.

    Args:
        model: the network.
        loader: yields ``(inputs, targets)`` batches.
        loss_fn: ``loss_fn(outputs, targets)``, the mean loss of a batch.
        metric: if given, ``metric(outputs, targets)`` (a batch mean, e.g. accuracy) is
            averaged instead of the loss.
        device: where to move each batch; ``None`` keeps it.
    """
    _check(model, loss_fn)
    score = loss_fn if metric is None else metric
    was_training = model.training
    model.eval()
    total, count = 0.0, 0
    try:
        with torch.no_grad():
            for batch in loader:
                x, y = _to(batch, device)
                total += float(score(model(x), y)) * len(x)
                count += len(x)
    finally:
        model.train(was_training)
    if count == 0:
        raise ValueError("loader yielded no batch")
    return total / count


@dataclass
class History:
    """What ``fit`` measured, one entry per epoch that ran.

    Attributes:
        train_loss: mean training loss of each epoch.
        val_loss: mean validation loss after each epoch (empty without a validation loader).
        lr: the learning rate of the first parameter group used in each epoch.
        best_epoch: the epoch (0-based) early stopping kept, or ``None``.
        stopped_epoch: the epoch after which early stopping ended training, or ``None``.
    """

    train_loss: list[float] = field(default_factory=list)
    val_loss: list[float] = field(default_factory=list)
    lr: list[float] = field(default_factory=list)
    best_epoch: int | None = None
    stopped_epoch: int | None = None

    @property
    def epochs(self) -> int:
        """How many epochs ran."""
        return len(self.train_loss)


def fit(
    model: nn.Module,
    train_loader: Iterable[Batch],
    loss_fn: LossFn,
    optimizer: torch.optim.Optimizer,
    epochs: int,
    *,
    val_loader: Iterable[Batch] | None = None,
    scheduler: torch.optim.lr_scheduler.LRScheduler
    | torch.optim.lr_scheduler.ReduceLROnPlateau
    | None = None,
    early_stopping: EarlyStopping | None = None,
    device: torch.device | str | None = None,
) -> History:
    """Train for up to ``epochs`` epochs and return the per-epoch losses.

    Each epoch: ``train_one_epoch``; then, with a ``val_loader``, ``evaluate``; then
    ``scheduler.step()`` (``scheduler.step(val_loss)`` for ``ReduceLROnPlateau``); then
    ``early_stopping.step(val_loss, model)``, which may end training. When early stopping
    ends it, or the last epoch is reached, and ``early_stopping.restore_best_weights`` is set,
    the best epoch's weights are loaded back into ``model``.

    Args:
        model: the network (already on ``device``).
        train_loader: training batches; reshuffled every epoch if it is a shuffling DataLoader.
        loss_fn: the mean loss of a batch.
        optimizer: built on ``model.parameters()``.
        epochs: the maximum number of epochs (> 0).
        val_loader: validation batches; required by ``early_stopping`` and ``ReduceLROnPlateau``.
        scheduler: a learning-rate scheduler stepped once per epoch.
        early_stopping: an ``EarlyStopping`` monitoring the validation loss.
        device: where to move each batch.
    """
    _check(model, loss_fn)
    if isinstance(epochs, bool) or not isinstance(epochs, int):
        raise TypeError(f"epochs must be an int, got {type(epochs).__name__}")
    if epochs <= 0:
        raise ValueError(f"epochs must be positive, got {epochs}")
    plateau = isinstance(scheduler, torch.optim.lr_scheduler.ReduceLROnPlateau)
    if val_loader is None and (early_stopping is not None or plateau):
        raise ValueError("val_loader is required for early_stopping and ReduceLROnPlateau")
    history = History()
    for _ in range(epochs):
        history.lr.append(optimizer.param_groups[0]["lr"])
        history.train_loss.append(
            train_one_epoch(model, train_loader, loss_fn, optimizer, device=device)
        )
        if val_loader is not None:
            history.val_loss.append(evaluate(model, val_loader, loss_fn, device=device))
        if plateau:
            scheduler.step(history.val_loss[-1])
        elif scheduler is not None:
            scheduler.step()
        if early_stopping is not None and early_stopping.step(history.val_loss[-1], model):
            break
    if early_stopping is not None:
        history.best_epoch = early_stopping.best_epoch
        history.stopped_epoch = early_stopping.stopped_epoch
        if early_stopping.restore_best_weights and early_stopping.best_state is not None:
            early_stopping.restore(model)
    return history
