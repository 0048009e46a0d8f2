"""Figures of the margin, ranking and embedding losses.

Every curve is computed by the torch function the page documents, and every derivative by
autograd, so a figure cannot drift from what PyTorch computes.
"""

import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F
from matplotlib.figure import Figure

from nnref.figures.palette import BLUE, GREEN, GREY, ORANGE, PURPLE, RED

DOUBLE = torch.float64


def _loss_and_grad(function, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """Elementwise loss ``function(x)`` and its derivative, both detached."""
    x = x.clone().requires_grad_(True)
    loss = function(x)
    (grad,) = torch.autograd.grad(loss.sum(), x)
    return loss.detach(), grad


def _without_jumps(x: torch.Tensor, y: torch.Tensor, *kinks: float) -> torch.Tensor:
    """``y`` with ``nan`` at the grid points nearest to ``kinks``, so no vertical line is drawn."""
    y = y.clone()
    for kink in kinks:
        y[(x - kink).abs().argmin()] = float("nan")
    return y


def _axes_lines(*axes) -> None:
    for ax in axes:
        ax.axhline(0, color="black", linewidth=0.6)
        ax.axvline(0, color="black", linewidth=0.6, linestyle=":")


def margin_ranking_loss() -> Figure:
    """MarginRankingLoss for several margins and SoftMarginLoss against t = y (x1 - x2)."""
    t = torch.linspace(-3, 3, 601, dtype=DOUBLE)
    zeros, ones = torch.zeros_like(t), torch.ones_like(t)
    figure, (loss_ax, grad_ax) = plt.subplots(1, 2, figsize=(8.4, 3.3), sharex=True)
    for margin, colour in ((0.0, GREEN), (0.5, BLUE), (1.0, ORANGE)):
        loss, grad = _loss_and_grad(
            lambda x, m=margin: F.margin_ranking_loss(x, zeros, ones, margin=m, reduction="none"),
            t,
        )
        loss_ax.plot(t, loss, color=colour, linewidth=2, label=rf"$m = {margin:g}$")
        grad_ax.plot(t, _without_jumps(t, grad, margin), color=colour, linewidth=2)
        grad_ax.plot([margin], [-1], "o", color=colour, zorder=4)  # torch's value at the kink
    loss, grad = _loss_and_grad(lambda x: F.soft_margin_loss(x, ones, reduction="none"), t)
    loss_ax.plot(t, loss, color=RED, linewidth=1.6, linestyle="--", label="SoftMarginLoss")
    grad_ax.plot(t, grad, color=RED, linewidth=1.6, linestyle="--")
    loss_ax.legend(loc="upper right", frameon=False, fontsize=9)
    loss_ax.set_ylim(-0.3, 4.2)
    loss_ax.set_ylabel(r"$\ell$")
    loss_ax.text(-2.9, 3.6, r"$\max(0,\ m - t)$", color=BLUE)
    loss_ax.text(-2.9, 0.5, r"$\log(1 + e^{-t})$", color=RED)
    grad_ax.set_ylim(-1.3, 0.3)
    grad_ax.set_ylabel(r"$\partial \ell / \partial t$")
    for ax in (loss_ax, grad_ax):
        ax.set_xlabel(r"$t = y\,(x_1 - x_2)$")
    _axes_lines(loss_ax, grad_ax)
    figure.tight_layout()
    return figure


def hinge_embedding_loss() -> Figure:
    """HingeEmbeddingLoss against the distance x for similar (y = 1) and dissimilar pairs."""
    x = torch.linspace(0, 3, 601, dtype=DOUBLE)
    figure, (loss_ax, grad_ax) = plt.subplots(1, 2, figsize=(8.4, 3.3), sharex=True)
    loss, grad = _loss_and_grad(
        lambda d: F.hinge_embedding_loss(d, torch.ones_like(d), reduction="none"), x
    )
    loss_ax.plot(x, loss, color=BLUE, linewidth=2, label=r"$y = 1$")
    grad_ax.plot(x, grad, color=BLUE, linewidth=2)
    for margin, colour in ((1.0, ORANGE), (2.0, RED)):
        loss, grad = _loss_and_grad(
            lambda d, m=margin: F.hinge_embedding_loss(
                d, -torch.ones_like(d), margin=m, reduction="none"
            ),
            x,
        )
        label = rf"$y = -1,\ m = {margin:g}$"
        loss_ax.plot(x, loss, color=colour, linewidth=2, label=label)
        grad_ax.plot(x, _without_jumps(x, grad, margin), color=colour, linewidth=2)
        grad_ax.plot([margin], [-1], "o", color=colour, zorder=4)
    loss_ax.legend(loc="upper center", frameon=False, fontsize=9)
    loss_ax.set_ylim(-0.2, 3.4)
    loss_ax.set_ylabel(r"$\ell$")
    grad_ax.set_ylim(-1.4, 1.4)
    grad_ax.set_ylabel(r"$\partial \ell / \partial x$")
    for ax in (loss_ax, grad_ax):
        ax.set_xlabel(r"$x = d(u, v)$")
        ax.axhline(0, color="black", linewidth=0.6)
    figure.tight_layout()
    return figure


def _contour(ax, values: torch.Tensor, grid: torch.Tensor, title: str):
    levels = [1e-9, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0]
    filled = ax.contourf(grid, grid, values, levels=levels, cmap="Blues")
    ax.contour(grid, grid, values, levels=levels[1:], colors="black", linewidths=0.4)
    ax.set_title(title)
    ax.set_xlabel(r"$x_1 - x_y$")
    ax.set_aspect("equal")
    ax.grid(False)
    return filled


def multi_margin_loss() -> Figure:
    """One term of MultiMarginLoss for p = 1, 2; the loss of 3 classes next to Keras' max."""
    delta = torch.linspace(-1.5, 2.5, 401, dtype=DOUBLE)
    figure, (term_ax, sum_ax, max_ax) = plt.subplots(
        1, 3, figsize=(11.5, 3.6), gridspec_kw={"width_ratios": [1.25, 1, 1]}, layout="constrained"
    )
    max_ax.sharey(sum_ax)
    for p, colour in ((1, BLUE), (2, ORANGE)):
        scores = torch.stack([delta, torch.zeros_like(delta)], dim=1)  # C = 2, right class 0
        target = torch.zeros(len(delta), dtype=torch.long)
        term = 2 * F.multi_margin_loss(scores, target, p=p, reduction="none")  # undo / C
        term_ax.plot(delta, term, color=colour, linewidth=2, label=rf"$p = {p}$")
    term_ax.set_xlabel(r"$x_y - x_i$")
    term_ax.set_ylabel(r"$\max(0,\ m - x_y + x_i)^p$")
    term_ax.legend(loc="upper right", frameon=False, fontsize=9)
    term_ax.axvline(1.0, color=GREY, linewidth=0.8, linestyle=":")
    term_ax.text(1.05, 4.3, r"$m = 1$", color=GREY)
    term_ax.set_ylim(-0.2, 6.5)
    term_ax.axhline(0, color="black", linewidth=0.6)

    grid = torch.linspace(-2, 1.2, 65, dtype=DOUBLE)
    second, first = torch.meshgrid(grid, grid, indexing="ij")  # rows: x2, columns: x1
    # the right class scores 2, so that no score is negative (Keras' formula compares the
    # wrong scores with the zeroed right class, i.e. with 0, as well)
    right = torch.full_like(first, 2.0)
    scores = torch.stack([right, right + first, right + second], dim=-1).reshape(-1, 3)
    target = torch.zeros(len(scores), dtype=torch.long)
    summed = F.multi_margin_loss(scores, target, reduction="none").reshape(first.shape)
    one_hot = F.one_hot(target, 3).to(DOUBLE)
    worst = ((1 - one_hot) * scores).amax(dim=1) - (one_hot * scores).sum(dim=1)
    categorical = (worst + 1).clamp(min=0).reshape(first.shape)
    filled = _contour(sum_ax, summed, grid, "MultiMarginLoss")
    _contour(max_ax, categorical, grid, "CategoricalHinge")
    sum_ax.set_ylabel(r"$x_2 - x_y$")
    max_ax.tick_params(labelleft=False)
    figure.colorbar(filled, ax=[sum_ax, max_ax], shrink=0.85)
    return figure


def multilabel_losses() -> Figure:
    """The pairwise hinge of MultiLabelMarginLoss and the two logistic terms of the soft one."""
    delta = torch.linspace(-1.5, 2.5, 401, dtype=DOUBLE)
    x = torch.linspace(-4, 4, 401, dtype=DOUBLE)
    figure, (margin_ax, soft_ax) = plt.subplots(1, 2, figsize=(8.4, 3.3))
    scores = torch.stack([delta, torch.zeros_like(delta)], dim=1)  # class 0 is the target
    target = torch.tensor([[0, -1]]).expand(len(delta), 2).contiguous()
    term = 2 * F.multilabel_margin_loss(scores, target, reduction="none")  # undo / C
    margin_ax.plot(delta, term, color=BLUE, linewidth=2)
    margin_ax.set_title("MultiLabelMarginLoss")
    margin_ax.set_xlabel(r"$x_j - x_i$")
    margin_ax.text(-1.4, 2.1, r"$\max(0,\ 1 - (x_j - x_i))$", color=BLUE)
    margin_ax.set_ylim(-0.2, 2.8)
    for label, colour in ((1.0, BLUE), (0.0, ORANGE)):
        y = torch.full((len(x), 1), label, dtype=DOUBLE)
        loss, grad = _loss_and_grad(
            lambda s, t=y: F.multilabel_soft_margin_loss(s.unsqueeze(1), t, reduction="none"), x
        )
        soft_ax.plot(x, loss, color=colour, linewidth=2, label=rf"$y = {label:g}$")
        soft_ax.plot(x, grad, color=colour, linewidth=1.2, linestyle="--")
    soft_ax.legend(loc="upper center", frameon=False, fontsize=9)
    soft_ax.set_title("MultiLabelSoftMarginLoss")
    soft_ax.set_xlabel(r"$x_c$")
    soft_ax.text(-3.9, 3.2, r"$-\log\sigma(x)$", color=BLUE)
    soft_ax.text(1.9, 3.2, r"$-\log\sigma(-x)$", color=ORANGE)
    soft_ax.set_ylim(-1.3, 4.5)
    _axes_lines(margin_ax, soft_ax)
    figure.tight_layout()
    return figure


def cosine_embedding_loss() -> Figure:
    """CosineEmbeddingLoss against the cosine and against the angle, for y = 1 and y = -1."""
    angle = torch.linspace(0, torch.pi, 361, dtype=DOUBLE)
    x1 = torch.stack([torch.ones_like(angle), torch.zeros_like(angle)], dim=1)
    x2 = torch.stack([angle.cos(), angle.sin()], dim=1)  # unit vectors at the given angle
    cos = angle.cos()
    figure, (cos_ax, angle_ax) = plt.subplots(1, 2, figsize=(8.4, 3.3), sharey=True)
    curves = [(1.0, 0.0, BLUE, r"$y = 1$")]
    curves += [(-1.0, m, c, rf"$y = -1,\ m = {m:g}$") for m, c in ((0.0, ORANGE), (0.5, RED))]
    for label, margin, colour, text in curves:
        loss = F.cosine_embedding_loss(
            x1, x2, torch.full_like(angle, label), margin=margin, reduction="none"
        )
        cos_ax.plot(cos, loss, color=colour, linewidth=2, label=text)
        angle_ax.plot(torch.rad2deg(angle), loss, color=colour, linewidth=2)
    cos_ax.plot(cos, -cos, color=GREY, linewidth=1.2, linestyle=":", label=r"$-\cos$")
    cos_ax.legend(loc="upper center", frameon=False, fontsize=9)
    cos_ax.set_xlabel(r"$\cos(x_1, x_2)$")
    cos_ax.set_ylabel(r"$\ell$")
    cos_ax.set_ylim(-1.1, 2.3)
    cos_ax.invert_xaxis()
    angle_ax.set_xlabel(r"$\theta$ (°)")
    angle_ax.set_xticks([0, 45, 90, 135, 180])
    for ax in (cos_ax, angle_ax):
        ax.axhline(0, color="black", linewidth=0.6)
    figure.tight_layout()
    return figure


def triplet_margin_loss() -> Figure:
    """TripletMarginLoss against d(a,p) - d(a,n), and over the plane of the negative."""
    delta = torch.linspace(-3, 2, 501, dtype=DOUBLE)
    figure, (loss_ax, plane_ax) = plt.subplots(
        1, 2, figsize=(9.6, 3.8), gridspec_kw={"width_ratios": [1.2, 1]}
    )
    for margin, colour in ((0.5, BLUE), (1.0, ORANGE), (2.0, GREEN)):
        anchor = torch.zeros(len(delta), 1, dtype=DOUBLE)
        positive = torch.full((len(delta), 1), 2.0, dtype=DOUBLE)  # d(a, p) = 2
        negative = 2 - delta.unsqueeze(1)  # d(a, n) = 2 - delta >= 0
        loss = F.triplet_margin_loss(
            anchor, positive, negative, margin=margin, eps=0.0, reduction="none"
        )
        loss_ax.plot(delta, loss, color=colour, linewidth=2, label=rf"$m = {margin:g}$")
    loss_ax.axvspan(-1.0, 0.0, color=ORANGE, alpha=0.12)  # semi-hard negatives for m = 1
    loss_ax.axvspan(0.0, 2.0, color=RED, alpha=0.08)  # hard negatives
    loss_ax.legend(loc="upper left", frameon=False, fontsize=9)
    loss_ax.set_xlabel(r"$d(a, p) - d(a, n)$")
    loss_ax.set_ylabel(r"$\ell$")
    loss_ax.set_ylim(-0.2, 4.2)
    _axes_lines(loss_ax)

    grid = torch.linspace(-2.5, 3.5, 181, dtype=DOUBLE)
    rows, columns = torch.meshgrid(grid, grid, indexing="ij")
    negatives = torch.stack([columns, rows], dim=-1).reshape(-1, 2)
    anchor = torch.tensor([[0.0, 0.0]], dtype=DOUBLE).expand_as(negatives)
    positive = torch.tensor([[1.0, 0.0]], dtype=DOUBLE).expand_as(negatives)
    plain = F.triplet_margin_loss(anchor, positive, negatives, eps=0.0, reduction="none")
    swapped = F.triplet_margin_loss(
        anchor, positive, negatives, eps=0.0, swap=True, reduction="none"
    )
    filled = plane_ax.contourf(
        grid, grid, plain.reshape(rows.shape), levels=[1e-9, 0.5, 1, 1.5, 2, 2.5], cmap="Oranges"
    )
    plane_ax.contour(grid, grid, plain.reshape(rows.shape), levels=[1e-9], colors=[ORANGE])
    plane_ax.contour(
        grid,
        grid,
        swapped.reshape(rows.shape),
        levels=[1e-9],
        colors=[PURPLE],
        linestyles="--",
    )
    plane_ax.plot([0], [0], "o", color="black")
    plane_ax.plot([1], [0], "o", color=BLUE)
    plane_ax.text(-0.35, -0.45, "$a$")
    plane_ax.text(1.1, -0.45, "$p$", color=BLUE)
    plane_ax.set_aspect("equal")
    plane_ax.grid(False)
    plane_ax.set_xlabel(r"$n_1$")
    plane_ax.set_ylabel(r"$n_2$")
    figure.colorbar(filled, ax=plane_ax, shrink=0.85)
    figure.tight_layout()
    return figure


FIGURES = {
    "margin-ranking-loss": margin_ranking_loss,
    "hinge-embedding-loss": hinge_embedding_loss,
    "multi-margin-loss": multi_margin_loss,
    "multilabel-losses": multilabel_losses,
    "cosine-embedding-loss": cosine_embedding_loss,
    "triplet-margin-loss": triplet_margin_loss,
}

CODE_NAMES = {
    "SoftMarginLoss",
    "MultiMarginLoss",
    "CategoricalHinge",
    "MultiLabelMarginLoss",
    "MultiLabelSoftMarginLoss",
}
