"""Figures of cosine, cyclic and one-cycle schedules, ReduceLROnPlateau and SWA.

Every curve is recorded from torch's own scheduler (``torch.optim.lr_scheduler`` and
``torch.optim.swa_utils``), stepped as a training loop steps it.
"""

import matplotlib.pyplot as plt
import torch
from matplotlib.figure import Figure
from torch.optim import lr_scheduler, swa_utils

from nnref.figures.optim import START, bowl, draw_bowl
from nnref.figures.palette import BLUE, GREEN, GREY, ORANGE, PURPLE, RED


def _optimizer(lr: float = 0.1, cls: type[torch.optim.Optimizer] = torch.optim.SGD, **options):
    return cls([torch.zeros(1, requires_grad=True)], lr=lr, **options)


def _record(
    optimizer: torch.optim.Optimizer, scheduler, steps: int, key: str = "lr"
) -> list[float]:
    """``param_groups[0][key]`` before each of ``steps`` optimizer steps."""
    values = []
    for _ in range(steps):
        values.append(optimizer.param_groups[0][key])
        optimizer.step()
        scheduler.step()
    return values


def cosine_annealing() -> Figure:
    """CosineAnnealingLR run past T_max (left), warm restarts with T_mult 1 and 2 (right)."""
    figure, (left, right) = plt.subplots(1, 2, figsize=(10, 3.4), sharey=True)
    steps = 160
    optimizer = _optimizer()
    scheduler = lr_scheduler.CosineAnnealingLR(optimizer, T_max=50, eta_min=0.005)
    left.plot(_record(optimizer, scheduler, steps), color=BLUE, label="T_max = 50, eta_min = 0.005")
    for x in (50, 100, 150):
        left.axvline(x, color=GREY, linestyle=":", linewidth=1)
    left.set_title("CosineAnnealingLR")
    for t_mult, color in ((1, ORANGE), (2, GREEN)):
        optimizer = _optimizer()
        scheduler = lr_scheduler.CosineAnnealingWarmRestarts(optimizer, T_0=10, T_mult=t_mult)
        values = _record(optimizer, scheduler, steps)
        right.plot(values, color=color, label=f"T_0 = 10, T_mult = {t_mult}")
    right.set_title("CosineAnnealingWarmRestarts")
    for ax in (left, right):
        ax.set_xlabel("$t$")
        ax.legend(loc="upper right", fontsize=9)
    left.set_ylabel(r"$\eta_t$")
    left.set_ylim(0, 0.125)
    return figure


def cyclic_lr() -> Figure:
    """CyclicLR's three modes and OneCycleLR's variants: learning rate (top), momentum (bottom)."""
    figure, axes = plt.subplots(2, 2, figsize=(10, 5.6), sharex="col")
    steps = 300
    cyclic = [
        ({"mode": "triangular"}, BLUE, 'mode = "triangular"'),
        ({"mode": "triangular2"}, ORANGE, 'mode = "triangular2"'),
        ({"mode": "exp_range", "gamma": 0.995}, GREEN, 'mode = "exp_range", gamma = 0.995'),
    ]
    for options, color, label in cyclic:
        optimizer = _optimizer(momentum=0.9)
        scheduler = lr_scheduler.CyclicLR(optimizer, 0.01, 0.1, step_size_up=25, **options)
        lrs, momenta = [], []
        for _ in range(steps):
            lrs.append(optimizer.param_groups[0]["lr"])
            momenta.append(optimizer.param_groups[0]["momentum"])
            optimizer.step()
            scheduler.step()
        axes[0, 0].plot(lrs, color=color, label=label)
        axes[1, 0].plot(momenta, color=color)
    axes[0, 0].set_title("CyclicLR")
    one_cycle = [
        ({}, BLUE, 'anneal_strategy = "cos"'),
        ({"anneal_strategy": "linear"}, ORANGE, 'anneal_strategy = "linear"'),
        ({"three_phase": True}, PURPLE, "three_phase = True"),
    ]
    for options, color, label in one_cycle:
        optimizer = _optimizer(momentum=0.9)
        scheduler = lr_scheduler.OneCycleLR(optimizer, max_lr=0.1, total_steps=steps, **options)
        lrs, momenta = [], []
        for _ in range(steps):
            lrs.append(optimizer.param_groups[0]["lr"])
            momenta.append(optimizer.param_groups[0]["momentum"])
            optimizer.step()
            scheduler.step()
        axes[0, 1].plot(lrs, color=color, label=label)
        axes[1, 1].plot(momenta, color=color)
    axes[0, 1].set_title("OneCycleLR")
    axes[0, 0].set_ylabel("lr")
    axes[1, 0].set_ylabel("momentum")
    for ax in axes[0]:
        ax.set_ylim(0, 0.135)
        ax.legend(loc="upper right", fontsize=8)
    for ax in axes[1]:
        ax.set_xlabel("$t$")
    return figure


def _plateau_training(epochs: int = 60) -> tuple[list[float], list[float], list[int]]:
    """Minibatch SGD on noisy linear regression; ReduceLROnPlateau watches the validation loss.

    The noise of SGD keeps the loss on a plateau whose height grows with the learning rate,
    so every reduction lowers the plateau until the data's own noise dominates. Returns the
    losses, the learning rates and the epochs after which the learning rate was reduced.
    """
    generator = torch.Generator().manual_seed(0)
    true_w = torch.randn(20, 1, generator=generator)
    x_train = torch.randn(512, 20, generator=generator)
    y_train = x_train @ true_w + torch.randn(512, 1, generator=generator)
    x_val = torch.randn(1024, 20, generator=generator)
    y_val = x_val @ true_w + torch.randn(1024, 1, generator=generator)
    w = torch.zeros(20, 1, requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=0.1)
    scheduler = lr_scheduler.ReduceLROnPlateau(optimizer, factor=0.3, patience=4, min_lr=1e-4)
    losses, lrs, reductions = [], [], []
    for epoch in range(epochs):
        lrs.append(optimizer.param_groups[0]["lr"])
        order = torch.randperm(512, generator=generator)
        for batch in order.split(4):
            optimizer.zero_grad()
            ((x_train[batch] @ w - y_train[batch]) ** 2).mean().backward()
            optimizer.step()
        with torch.no_grad():
            loss = ((x_val @ w - y_val) ** 2).mean().item()
        losses.append(loss)
        scheduler.step(loss)
        if optimizer.param_groups[0]["lr"] < lrs[-1]:
            reductions.append(epoch)
    return losses, lrs, reductions


def reduce_lr_on_plateau() -> Figure:
    """Validation loss (top) and learning rate (bottom) of a run with ReduceLROnPlateau."""
    losses, lrs, reductions = _plateau_training()
    figure, (top, bottom) = plt.subplots(2, 1, figsize=(8, 5), sharex=True)
    epochs = range(1, len(losses) + 1)
    top.plot(epochs, losses, "o-", color=BLUE, markersize=3, linewidth=1)
    bottom.step(epochs, lrs, where="post", color=ORANGE)
    for epoch in reductions:
        for ax in (top, bottom):
            ax.axvline(epoch + 1.5, color=GREY, linestyle=":", linewidth=1)
    top.set_ylabel("val_loss")
    top.set_title("ReduceLROnPlateau(factor = 0.3, patience = 4, min_lr = 1e-4)")
    bottom.set_yscale("log")
    bottom.set_ylabel("lr")
    bottom.set_xlabel("$t$")
    return figure


def _noisy_sgd_with_swa(steps: int = 200, swa_start: int = 60) -> tuple[torch.Tensor, torch.Tensor]:
    """SGD on the common bowl with noisy gradients, and AveragedModel's running average."""
    generator = torch.Generator().manual_seed(0)
    model = torch.nn.Module()
    model.w = torch.nn.Parameter(torch.tensor(START))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.3)
    averaged = swa_utils.AveragedModel(model)
    points, averages = [model.w.detach().clone()], []
    for step in range(steps):
        optimizer.zero_grad()
        noise = 1.5 * torch.randn(2, generator=generator)
        (bowl(model.w[0], model.w[1]) + (noise * model.w).sum()).backward()
        optimizer.step()
        points.append(model.w.detach().clone())
        if step >= swa_start:
            averaged.update_parameters(model)
            averages.append(averaged.module.w.detach().clone())
    return torch.stack(points), torch.stack(averages)


def swa() -> Figure:
    """Left: lr of a cosine phase followed by SWALR. Right: noisy SGD and its SWA average."""
    figure, (left, right) = plt.subplots(1, 2, figsize=(11, 3.8), width_ratios=(1, 1.5))
    swa_start, epochs = 40, 70
    for strategy, color in (("cos", BLUE), ("linear", ORANGE)):
        optimizer = _optimizer(lr=0.1)
        cosine = lr_scheduler.CosineAnnealingLR(optimizer, T_max=100)
        swalr = swa_utils.SWALR(optimizer, swa_lr=0.02, anneal_epochs=10, anneal_strategy=strategy)
        lrs = []
        for epoch in range(epochs):
            lrs.append(optimizer.param_groups[0]["lr"])
            optimizer.step()
            (swalr if epoch >= swa_start else cosine).step()
        left.plot(lrs, color=color, label=f'anneal_strategy = "{strategy}"')
    left.axvline(swa_start + 1, color=GREY, linestyle=":", linewidth=1)
    left.set_xlabel("$t$")
    left.set_ylabel("lr")
    left.set_title("CosineAnnealingLR, SWALR")
    left.legend(loc="upper right", fontsize=9)

    points, averages = _noisy_sgd_with_swa()
    draw_bowl(right)
    right.plot(
        points[:, 0],
        points[:, 1],
        "o-",
        color=GREY,
        markersize=2,
        linewidth=0.5,
        alpha=0.6,
        label="SGD, lr = 0.3",
    )
    right.plot(averages[:, 0], averages[:, 1], "-", color=RED, linewidth=1.8, label="AveragedModel")
    right.scatter([averages[-1, 0]], [averages[-1, 1]], color=RED, s=40, zorder=4)
    right.legend(loc="lower right", fontsize=9)
    return figure


FIGURES = {
    "cosine-annealing": cosine_annealing,
    "cyclic-lr": cyclic_lr,
    "reduce-lr-on-plateau": reduce_lr_on_plateau,
    "swa": swa,
}
CODE_NAMES = {
    "CosineAnnealingLR",
    "CosineAnnealingWarmRestarts",
    "T_max",
    "eta_min",
    "T_0",
    "T_mult",
    "CyclicLR",
    "OneCycleLR",
    "mode",
    "triangular",
    "triangular2",
    "exp_range",
    "gamma",
    "anneal_strategy",
    "cos",
    "linear",
    "three_phase",
    "True",
    "lr",
    "momentum",
    "ReduceLROnPlateau",
    "factor",
    "patience",
    "min_lr",
    "val_loss",
    "SWALR",
    "SGD",
    "AveragedModel",
}
