"""Figures of the softmax family and of cross-entropy from logits."""

import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F
from matplotlib.figure import Figure

from nnref.figures.palette import BLUE, GREEN, GREY, ORANGE

COLOURS = (BLUE, ORANGE, GREEN)


def softmax() -> Figure:
    """Softmax of (t, 0, 1) against t, its Jacobian column, and the effect of the temperature."""
    t = torch.linspace(-6, 6, 601, requires_grad=True)
    logits = torch.stack([t, torch.zeros_like(t), torch.ones_like(t)], dim=1)
    s = torch.softmax(logits, dim=1)
    # d s_i / d z_1 by autograd, one output at a time (a column of the Jacobian)
    column = [torch.autograd.grad(s[:, i].sum(), t, retain_graph=True)[0] for i in range(3)]
    t, s = t.detach(), s.detach()

    figure, (left, middle, right) = plt.subplots(1, 3, figsize=(11, 3.3))
    for i, colour in enumerate(COLOURS):
        left.plot(t, s[:, i], color=colour, linewidth=2, label=f"$s_{i + 1}$")
        label = rf"$\partial s_{i + 1}/\partial z_1$"
        middle.plot(t, column[i], color=colour, linewidth=2, label=label)
    left.plot(t, s.sum(dim=1), color=GREY, linestyle="--", linewidth=1, label=r"$\sum_i s_i$")
    left.set_title(r"$s = \mathrm{softmax}(z_1, 0, 1)$")
    left.set_xlabel("$z_1$")
    left.set_ylim(-0.05, 1.1)
    left.legend(loc="center right", fontsize=9)
    middle.set_title(r"$\partial s_i / \partial z_1 = s_i(\delta_{i1} - s_1)$")
    middle.set_xlabel("$z_1$")
    middle.axhline(0, color="black", linewidth=0.6)
    middle.legend(loc="upper left", fontsize=9)

    z = torch.tensor([2.0, 1.0, 0.1])
    temperatures = (0.5, 1.0, 2.0, 10.0)
    width = 0.2
    for k, temperature in enumerate(temperatures):
        probabilities = torch.softmax(z / temperature, dim=0).tolist()
        positions = [i + (k - 1.5) * width for i in range(3)]
        colour = (BLUE, ORANGE, GREEN, GREY)[k]
        label = f"$T = {temperature:g}$"
        right.bar(positions, probabilities, width=width, color=colour, label=label)
    right.set_xticks(range(3), ["$z_1 = 2$", "$z_2 = 1$", "$z_3 = 0.1$"])
    right.set_title(r"$\mathrm{softmax}(z / T)$")
    right.set_ylim(0, 1)
    right.legend(fontsize=9)
    figure.tight_layout()
    return figure


def softmax_cross_entropy() -> Figure:
    """Cross-entropy of logits (t, 0, 0) for class 1, with and without label smoothing."""
    t = torch.linspace(-6, 10, 801, dtype=torch.float64, requires_grad=True)
    logits = torch.stack([t, torch.zeros_like(t), torch.zeros_like(t)], dim=1)
    target = torch.zeros(len(t), dtype=torch.long)
    smoothing = (0.0, 0.1)
    losses, grads = [], []
    for epsilon in smoothing:
        loss = F.cross_entropy(logits, target, reduction="none", label_smoothing=epsilon)
        (grad,) = torch.autograd.grad(loss.sum(), t, retain_graph=True)
        losses.append(loss.detach())
        grads.append(grad)
    t = t.detach()

    figure, (left, right) = plt.subplots(1, 2, figsize=(9, 3.3), sharex=True)
    for epsilon, loss, grad, colour in zip(smoothing, losses, grads, (BLUE, ORANGE), strict=True):
        label = rf"$\varepsilon = {epsilon:g}$"
        left.plot(t, loss, color=colour, linewidth=2, label=label)
        right.plot(t, grad, color=colour, linewidth=2, label=label)
    # with smoothing the loss is minimal at a finite logit: z_1 = log((1 - 2e/3) / (e/3))
    epsilon = 0.1
    best = torch.log(torch.tensor((1 - 2 * epsilon / 3) / (epsilon / 3)))
    for ax in (left, right):
        ax.axvline(best, color=ORANGE, linewidth=0.8, linestyle=":")
        ax.axhline(0, color="black", linewidth=0.6)
        ax.set_xlabel(r"$z_1$   ($z = (z_1, 0, 0)$, $y = 1$)")
        ax.legend(fontsize=9)
    left.set_title(r"$\ell = -\sum_c q_c \log \mathrm{softmax}(z)_c$")
    right.set_title(r"$\partial \ell / \partial z_1 = \mathrm{softmax}(z)_1 - q_1$")
    figure.tight_layout()
    return figure


FIGURES = {"softmax": softmax, "softmax-cross-entropy": softmax_cross_entropy}
