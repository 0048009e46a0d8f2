"""Figures of the classification losses: the loss against the probability or logit of the truth."""

import itertools
import math

import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from nnref.figures.palette import BLUE, GREEN, GREY, ORANGE, PURPLE, RED
from nnref.losses.adaptive_log_softmax import cluster_sizes
from nnref.losses.linear_cross_entropy import aspect_ratio_chunk_size


def _logits_with_true_probability(p: torch.Tensor, num_classes: int) -> torch.Tensor:
    """Logits whose softmax gives class 0 probability ``p`` and the rest ``(1 - p) / (C - 1)``."""
    rest = ((1 - p) / (num_classes - 1)).log()
    return torch.cat([p.log().unsqueeze(1), rest.unsqueeze(1).expand(-1, num_classes - 1)], 1)


def cross_entropy_loss() -> Figure:
    """CE against the true-class probability (smoothing, double softmax) and its gradient."""
    num_classes = 10
    p = torch.linspace(0.005, 0.995, 397, dtype=torch.float64)
    target = torch.zeros(len(p), dtype=torch.long)
    figure, (left, right) = plt.subplots(1, 2, figsize=(8, 3.3), sharex=True)
    for eps, color in ((0.0, BLUE), (0.1, ORANGE)):
        logits = _logits_with_true_probability(p, num_classes).requires_grad_()
        loss = F.cross_entropy(logits, target, reduction="none", label_smoothing=eps)
        (grad,) = torch.autograd.grad(loss.sum(), logits)
        left.plot(p, loss.detach(), color=color, linewidth=2, label=rf"$\varepsilon = {eps:g}$")
        right.plot(p, grad[:, 0], color=color, linewidth=2, label=rf"$\varepsilon = {eps:g}$")
        if eps:
            best = 1 - eps + eps / num_classes
            left.axvline(best, color=color, linewidth=0.8, linestyle=":")
            right.axvline(best, color=color, linewidth=0.8, linestyle=":")
    logits = _logits_with_true_probability(p, num_classes).requires_grad_()
    double = F.cross_entropy(logits.softmax(dim=1), target, reduction="none")
    (grad,) = torch.autograd.grad(double.sum(), logits)
    left.plot(
        p,
        double.detach(),
        color=GREY,
        linestyle="--",
        linewidth=1.5,
        label=r"$\mathrm{softmax}$ $\times 2$",
    )
    right.plot(p, grad[:, 0], color=GREY, linestyle="--", linewidth=1.5)
    left.set_ylim(0, 5.5)
    left.set_title(r"$\ell = -\log p_y$   $(C = 10)$")
    right.set_title(r"$\partial \ell / \partial z_y$")
    right.axhline(0, color="black", linewidth=0.6)
    left.legend(frameon=False)
    right.legend(frameon=False, loc="lower right")
    for ax in (left, right):
        ax.set_xlabel(r"$p_y = \mathrm{softmax}(z)_y$")
    figure.tight_layout()
    return figure


def nll_loss() -> Figure:
    """NLL against the log-probability input; its gradient next to that of CE on logits."""
    log_p = torch.linspace(-6, 0, 121)
    figure, (left, right) = plt.subplots(1, 2, figsize=(8, 3.3))
    for w, color in ((1.0, BLUE), (2.0, ORANGE)):
        loss = F.nll_loss(
            log_p.unsqueeze(1),
            torch.zeros(len(log_p), dtype=torch.long),
            weight=torch.tensor([w]),
            reduction="none",
        )
        left.plot(log_p, loss, color=color, linewidth=2, label=rf"$w_y = {w:g}$")
    left.set_xlabel(r"$x_y = \log p_y$")
    left.set_title(r"$\ell = -w_y\, x_y$")
    left.legend(frameon=False)

    logits = torch.tensor([[1.0, -0.5, 2.0, 0.3, -1.0]], requires_grad=True)
    target = torch.tensor([2])
    log_probs = logits.log_softmax(dim=1)
    (grad_nll,) = torch.autograd.grad(F.nll_loss(log_probs, target), log_probs)
    (grad_ce,) = torch.autograd.grad(F.cross_entropy(logits, target), logits)
    classes = torch.arange(5)
    right.bar(
        (classes - 0.18).tolist(),
        grad_nll[0].tolist(),
        width=0.36,
        color=BLUE,
        label=r"$\partial \ell / \partial x_c$",
    )
    right.bar(
        (classes + 0.18).tolist(),
        grad_ce[0].tolist(),
        width=0.36,
        color=GREEN,
        label=r"$\partial \ell / \partial z_c$",
    )
    right.axhline(0, color="black", linewidth=0.6)
    right.set_xticks(classes.tolist())
    right.set_xlabel(r"$c$   $(y = 2)$")
    right.legend(frameon=False, loc="lower left")
    figure.tight_layout()
    return figure


def bce_loss() -> Figure:
    """BCE against the predicted probability, and BCE with logits against the logit."""
    p = torch.linspace(0.001, 0.999, 500)
    figure, (left, right) = plt.subplots(1, 2, figsize=(8, 3.3))
    for y, color in ((1.0, BLUE), (0.0, ORANGE)):
        loss = F.binary_cross_entropy(p, torch.full_like(p, y), reduction="none")
        left.plot(p, loss, color=color, linewidth=2, label=rf"$y = {y:g}$")
    left.set_ylim(0, 5)
    left.set_xlabel(r"$x = \sigma(z)$")
    left.set_title(r"$-[y \log x + (1 - y)\log(1 - x)]$")
    left.legend(frameon=False, loc="upper center")

    z = torch.linspace(-6, 6, 481)
    cases = (
        (1.0, None, BLUE, r"$y = 1$"),
        (0.0, None, ORANGE, r"$y = 0$"),
        (1.0, 3.0, PURPLE, r"$y = 1,\ p_c = 3$"),
    )
    for y, pos_weight, color, label in cases:
        weight = None if pos_weight is None else torch.tensor(pos_weight)
        loss = F.binary_cross_entropy_with_logits(
            z, torch.full_like(z, y), pos_weight=weight, reduction="none"
        )
        right.plot(z, loss, color=color, linewidth=2, label=label)
    right.axvline(0, color="black", linewidth=0.6)
    right.set_ylim(0, 10)
    right.set_xlabel(r"$z$")
    right.set_title(r"$\max(z, 0) - z y + \log(1 + e^{-|z|})$")
    right.legend(frameon=False, loc="upper right")
    figure.tight_layout()
    return figure


def kl_div_loss() -> Figure:
    """KL, cross-entropy and entropy for a two-class target, and the two pointwise terms."""
    t = torch.tensor([0.3, 0.7], dtype=torch.float64)
    q1 = torch.linspace(0.01, 0.99, 393, dtype=torch.float64)
    log_q = torch.stack([q1, 1 - q1], dim=1).log()
    target = t.expand_as(log_q)
    pointwise = F.kl_div(log_q, target, reduction="none")
    kl = pointwise.sum(dim=1)
    cross_entropy = -(target * log_q).sum(dim=1)
    entropy = -(t * t.log()).sum()

    figure, (left, right) = plt.subplots(1, 2, figsize=(8, 3.3), sharex=True)
    left.plot(q1, kl, color=BLUE, linewidth=2, label=r"$D_{\mathrm{KL}}(t \,\|\, q)$")
    left.plot(q1, cross_entropy, color=ORANGE, linewidth=2, label=r"$H(t, q)$")
    left.axhline(entropy, color=GREY, linestyle="--", linewidth=1.2, label=r"$H(t)$")
    left.set_ylim(0, 3)
    left.legend(frameon=False, loc="upper center")
    right.plot(q1, pointwise[:, 0], color=GREEN, linewidth=2, label=r"$t_1 (\log t_1 - \log q_1)$")
    right.plot(q1, pointwise[:, 1], color=RED, linewidth=2, label=r"$t_2 (\log t_2 - \log q_2)$")
    right.axhline(0, color="black", linewidth=0.6)
    right.set_ylim(-0.9, 2.2)
    right.legend(frameon=False, loc="upper center")
    for ax in (left, right):
        ax.axvline(0.3, color="black", linewidth=0.6, linestyle=":")
        ax.set_xlabel(r"$q_1$   $(t = (0.3,\ 0.7))$")
    figure.tight_layout()
    return figure


def linear_cross_entropy_loss() -> Figure:
    """The chunked product X W^T, and the memory of the logits with and without chunks."""
    figure, (left, right) = plt.subplots(
        1, 2, figsize=(8.4, 3.4), gridspec_kw={"width_ratios": [1.15, 1]}
    )
    left.set_xlim(0, 11.2)
    left.set_ylim(-0.6, 6.4)
    left.set_aspect("equal")
    left.axis("off")
    chunks, height = 4, 5.6
    chunk = height / chunks
    # X: (N, d), cut into chunks of rows.
    for k in range(chunks):
        color = BLUE if k == 1 else "#d9e8f5"
        left.add_patch(
            Rectangle(
                (0, height - (k + 1) * chunk),
                1.2,
                chunk,
                facecolor=color,
                edgecolor="black",
                linewidth=0.8,
            )
        )
    left.text(0.6, height + 0.25, r"$X$", ha="center")
    left.text(-0.25, height / 2, r"$N$", ha="right", va="center")
    left.text(0.6, -0.45, r"$d$", ha="center")
    left.text(1.75, height / 2, r"$\times$", ha="center", va="center", fontsize=14)
    # W^T: (d, C).
    left.add_patch(
        Rectangle(
            (2.3, height - 1.2),
            3.4,
            1.2,
            facecolor=GREEN,
            alpha=0.6,
            edgecolor="black",
            linewidth=0.8,
        )
    )
    left.text(4.0, height + 0.25, r"$W^\top$", ha="center")
    left.text(4.0, height - 1.65, r"$C$", ha="center")
    left.text(6.2, height / 2, r"$\to$", ha="center", va="center", fontsize=14)
    # Z = X W^T: (N, C), only one chunk exists at a time.
    left.add_patch(
        Rectangle(
            (6.8, 0), 4.2, height, facecolor="none", edgecolor=GREY, linestyle="--", linewidth=0.8
        )
    )
    left.add_patch(
        Rectangle(
            (6.8, height - 2 * chunk),
            4.2,
            chunk,
            facecolor=ORANGE,
            edgecolor="black",
            linewidth=0.8,
        )
    )
    left.text(8.9, height + 0.25, r"$Z = X W^\top + b$", ha="center")
    left.text(
        8.9,
        height - 1.5 * chunk,
        r"$\mathrm{softmax} - \mathrm{onehot}$",
        ha="center",
        va="center",
        fontsize=8,
    )

    # Memory of the float32 logits for N = 8192 rows and d = 4096 features.
    rows, features = 8192, 4096
    classes = torch.logspace(3, math.log10(262144), 40)
    full = rows * classes * 4 / 2**30
    chunked = torch.tensor(
        [
            aspect_ratio_chunk_size(rows, features, int(c), factor=2) * float(c) * 4 / 2**30
            for c in classes
        ]
    )
    right.loglog(classes, full, color=GREY, linewidth=2, linestyle="--", label=r"$N \cdot C$")
    right.loglog(classes, chunked, color=ORANGE, linewidth=2, label=r"$n_{\mathrm{chunk}} \cdot C$")
    right.set_xlabel(r"$C$   $(N = 8192,\ d = 4096)$")
    right.set_ylabel(r"$\mathrm{GiB}$")
    right.legend(frameon=False, loc="upper left")
    figure.tight_layout()
    return figure


def adaptive_log_softmax() -> Figure:
    """The hidden size each class gets, against its frequency rank (cutoffs 10 and 100)."""
    in_features, n_classes, cutoffs = 64, 1000, [10, 100]
    sizes = [in_features] + [hidden for hidden, _ in cluster_sizes(in_features, n_classes, cutoffs)]
    bounds = [0, *cutoffs, n_classes]
    figure, (left, right) = plt.subplots(1, 2, figsize=(8, 3.3))
    colors = (BLUE, ORANGE, PURPLE)
    labels = (r"$d$", r"$d/4$", r"$d/16$")
    for i, (low, high) in enumerate(itertools.pairwise(bounds)):
        left.fill_between([low + 1, high], 0, sizes[i], color=colors[i], alpha=0.75, step="pre")
        left.text(math.sqrt((low + 1) * high), sizes[i] + 2, labels[i], ha="center")
    left.set_xscale("log")
    left.set_xlim(1, n_classes)
    left.set_ylim(0, 75)
    left.set_xlabel(r"$\mathrm{rank} + 1$")
    left.set_ylabel(r"$d_i$")
    for cutoff in cutoffs:
        left.axvline(cutoff, color="black", linewidth=0.6, linestyle=":")

    rank = torch.arange(1, n_classes + 1, dtype=torch.float64)
    frequency = 1 / rank / (1 / rank).sum()
    mass = [frequency[low:high].sum().item() for low, high in itertools.pairwise(bounds)]
    heads = [in_features * (cutoffs[0] + len(cutoffs))] + [
        hidden * (in_features + width)
        for hidden, width in cluster_sizes(in_features, n_classes, cutoffs)
    ]
    positions = torch.arange(3)
    right.bar((positions - 0.2).tolist(), mass, width=0.4, color=colors, alpha=0.75)
    twin = right.twinx()
    twin.bar(
        (positions + 0.2).tolist(), heads, width=0.4, color="white", edgecolor=colors, hatch="//"
    )
    right.set_xticks(positions.tolist())
    right.set_xticklabels([r"$[0, 10)$", r"$[10, 100)$", r"$[100, 1000)$"])
    right.set_ylabel(r"$\sum p_{\mathrm{Zipf}}$")
    twin.set_ylabel(r"$\#\theta$")
    twin.spines["right"].set_visible(True)
    right.set_ylim(0, 0.6)
    figure.tight_layout()
    return figure


FIGURES = {
    "cross-entropy-loss": cross_entropy_loss,
    "nll-loss": nll_loss,
    "bce-loss": bce_loss,
    "kl-div-loss": kl_div_loss,
    "linear-cross-entropy-loss": linear_cross_entropy_loss,
    "adaptive-log-softmax": adaptive_log_softmax,
}

CODE_NAMES: set[str] = set()
