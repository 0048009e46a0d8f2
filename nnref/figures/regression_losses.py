"""Figures of the regression losses (L1, Huber and smooth L1, Poisson NLL, Gaussian NLL).

Every curve is computed by the torch function the page documents, and every gradient by
autograd, so a figure cannot drift from what PyTorch computes.
"""

import math

import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F
from matplotlib.figure import Figure

from nnref.figures.palette import BLUE, GREEN, GREY, ORANGE, PURPLE, RED


def _loss_and_grad(function, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """Elementwise loss ``function(x)`` and its derivative, both detached."""
    x = x.clone().requires_grad_(True)
    loss = function(x)
    (grad,) = torch.autograd.grad(loss.sum(), x)
    return loss.detach(), grad


def l1_loss() -> Figure:
    """Absolute error and its gradient (torch's subgradient 0 at the target) for y = 1."""
    target = 1.0
    prediction = torch.linspace(-2, 4, 601, dtype=torch.float64)
    loss, grad = _loss_and_grad(
        lambda p: F.l1_loss(p, torch.full_like(p, target), reduction="none"), prediction
    )
    _, grad_at_target = _loss_and_grad(
        lambda p: F.l1_loss(p, torch.full_like(p, target), reduction="none"),
        torch.tensor([target], dtype=torch.float64),
    )

    figure, (left, right) = plt.subplots(1, 2, figsize=(8, 3.2), sharex=True)
    left.plot(prediction, loss, color=BLUE, linewidth=2)
    left.plot(prediction, (prediction - target) ** 2, color=GREY, linestyle="--", linewidth=1.2)
    left.text(-1.9, 2.55, r"$|\hat y - y|$", color=BLUE)
    left.text(2.15, 4.3, r"$(\hat y - y)^2$", color=GREY)
    left.set_ylim(-0.2, 5.2)
    below, above = prediction < target, prediction > target
    right.plot(prediction[below], grad[below], color=ORANGE, linewidth=2)
    right.plot(prediction[above], grad[above], color=ORANGE, linewidth=2)
    right.plot([target, target], [-1, 1], "o", color=ORANGE, markerfacecolor="white", zorder=3)
    right.plot([target], grad_at_target, "o", color=ORANGE, zorder=4)
    right.text(-1.9, 0.55, r"$\mathrm{sign}(\hat y - y)$", color=ORANGE)
    right.annotate(
        "$0$",
        xy=(target, float(grad_at_target[0])),
        xytext=(target + 0.5, -0.45),
        color=ORANGE,
        arrowprops={"arrowstyle": "->", "color": ORANGE},
    )
    right.set_ylim(-1.5, 1.5)
    right.axhline(0, color="black", linewidth=0.6)
    for ax in (left, right):
        ax.axvline(target, color="black", linewidth=0.6, linestyle=":")
        ax.set_xlabel(r"$\hat y$   ($y = 1$)")
    figure.tight_layout()
    return figure


def huber_loss() -> Figure:
    """HuberLoss for several delta and SmoothL1Loss for several beta, with their gradients."""
    error = torch.linspace(-3, 3, 601, dtype=torch.float64)
    zero = torch.zeros_like(error)
    colours = [GREEN, BLUE, ORANGE]
    thresholds = [0.5, 1.0, 2.0]

    figure, axes = plt.subplots(2, 2, figsize=(8.4, 5.6), sharex=True)
    (huber_ax, smooth_ax), (huber_grad_ax, smooth_grad_ax) = axes
    for value, colour in zip(thresholds, colours, strict=True):
        loss, grad = _loss_and_grad(
            lambda e, d=value: F.huber_loss(e, zero, reduction="none", delta=d), error
        )
        huber_ax.plot(error, loss, color=colour, linewidth=2, label=rf"$\delta = {value:g}$")
        huber_grad_ax.plot(error, grad, color=colour, linewidth=2)
        loss, grad = _loss_and_grad(
            lambda e, b=value: F.smooth_l1_loss(e, zero, reduction="none", beta=b), error
        )
        smooth_ax.plot(error, loss, color=colour, linewidth=2, label=rf"$\beta = {value:g}$")
        smooth_grad_ax.plot(error, grad, color=colour, linewidth=2)
    loss, grad = _loss_and_grad(
        lambda e: F.smooth_l1_loss(e, zero, reduction="none", beta=0.0), error
    )
    smooth_ax.plot(error, loss, color=RED, linewidth=1.2, linestyle="--", label=r"$\beta = 0$")
    smooth_grad_ax.plot(error, grad, color=RED, linewidth=1.2, linestyle="--")
    huber_ax.plot(error, 0.5 * error**2, color=GREY, linewidth=1, linestyle=":")
    huber_ax.text(1.5, 3.9, r"$\frac{1}{2}e^2$", color=GREY)
    huber_ax.set_title("HuberLoss")
    smooth_ax.set_title("SmoothL1Loss")
    huber_ax.set_ylim(-0.2, 4.7)
    smooth_ax.set_ylim(-0.2, 3.2)
    for ax in (huber_ax, smooth_ax):
        ax.legend(loc="upper center", frameon=False, fontsize=9)
    for ax in (huber_grad_ax, smooth_grad_ax):
        ax.axhline(0, color="black", linewidth=0.6)
        ax.set_xlabel(r"$e = \hat y - y$")
    huber_grad_ax.set_ylabel(r"$\partial \ell / \partial \hat y$")
    huber_ax.set_ylabel(r"$\ell$")
    figure.tight_layout()
    return figure


def poisson_nll_loss() -> Figure:
    """PoissonNLLLoss against the log-rate (log_input=True), its gradient, and against the rate."""
    counts = [(0.0, GREY), (1.0, BLUE), (3.0, ORANGE)]
    log_rate = torch.linspace(-3, 2.5, 551, dtype=torch.float64)
    rate = torch.linspace(0.05, 6, 596, dtype=torch.float64)

    figure, (loss_ax, grad_ax, rate_ax) = plt.subplots(1, 3, figsize=(11, 3.3))
    for count, colour in counts:
        target = torch.full_like(log_rate, count)
        loss, grad = _loss_and_grad(
            lambda x, t=target: F.poisson_nll_loss(x, t, log_input=True, reduction="none"),
            log_rate,
        )
        loss_ax.plot(log_rate, loss, color=colour, linewidth=2, label=rf"$k = {count:g}$")
        grad_ax.plot(log_rate, grad, color=colour, linewidth=2)
        rate_loss = F.poisson_nll_loss(
            rate, torch.full_like(rate, count), log_input=False, reduction="none"
        )
        rate_ax.plot(rate, rate_loss, color=colour, linewidth=2)
        if count > 0:
            best = math.log(count)
            loss_ax.plot([best], [count - count * best], "o", color=colour)
            rate_ax.plot([count], [count - count * math.log(count)], "o", color=colour)
    loss_ax.legend(loc="upper center", frameon=False, fontsize=9)
    loss_ax.set_ylim(-1.5, 12)
    loss_ax.set_xlabel(r"$x = \log\lambda$")
    loss_ax.text(-1.2, 6.8, r"$e^{x} - k\,x$")
    grad_ax.axhline(0, color="black", linewidth=0.6)
    grad_ax.set_ylim(-3.5, 9)
    grad_ax.set_xlabel(r"$x = \log\lambda$")
    grad_ax.text(-2.9, 7.3, r"$e^{x} - k$")
    rate_ax.set_ylim(-1.5, 7)
    rate_ax.set_xlabel(r"$\lambda$")
    rate_ax.text(1.6, 6.1, r"$\lambda - k \log(\lambda + \varepsilon)$")
    figure.tight_layout()
    return figure


def gaussian_nll_loss() -> Figure:
    """GaussianNLLLoss against the mean for several variances, its gradient, and against var."""
    mean = torch.linspace(-3, 3, 601, dtype=torch.float64)
    variances = [(0.25, GREEN), (1.0, BLUE), (4.0, ORANGE)]
    var_axis = torch.logspace(math.log10(0.05), math.log10(20), 600, dtype=torch.float64)
    errors = [(0.5, GREEN), (1.0, BLUE), (2.0, PURPLE)]

    figure, (loss_ax, grad_ax, var_ax) = plt.subplots(1, 3, figsize=(11, 3.3))
    zero = torch.zeros_like(mean)
    for variance, colour in variances:
        var = torch.full_like(mean, variance)
        loss, grad = _loss_and_grad(
            lambda m, v=var: F.gaussian_nll_loss(m, zero, v, reduction="none"), mean
        )
        loss_ax.plot(mean, loss, color=colour, linewidth=2, label=rf"$\sigma^2 = {variance:g}$")
        grad_ax.plot(mean, grad, color=colour, linewidth=2)
    for error, colour in errors:
        prediction = torch.full_like(var_axis, error)
        loss = F.gaussian_nll_loss(
            prediction, torch.zeros_like(var_axis), var_axis, reduction="none"
        )
        var_ax.plot(var_axis, loss, color=colour, linewidth=2, label=rf"$|\mu - y| = {error:g}$")
        best = error**2
        var_ax.plot([best], [0.5 * (math.log(best) + 1)], "o", color=colour)
    loss_ax.legend(loc="upper center", frameon=False, fontsize=9)
    loss_ax.set_ylim(-1, 9)
    loss_ax.set_xlabel(r"$\mu$   ($y = 0$)")
    grad_ax.axhline(0, color="black", linewidth=0.6)
    grad_ax.set_xlabel(r"$\mu$   ($y = 0$)")
    grad_ax.text(-2.9, 8.0, r"$(\mu - y) / \sigma^2$")
    grad_ax.set_ylim(-12, 12)
    var_ax.set_xscale("log")
    var_ax.set_ylim(-1, 6)
    var_ax.set_xlabel(r"$\sigma^2$")
    var_ax.legend(loc="upper right", frameon=False, fontsize=9)
    figure.tight_layout()
    return figure


FIGURES = {
    "l1-loss": l1_loss,
    "huber-loss": huber_loss,
    "poisson-nll-loss": poisson_nll_loss,
    "gaussian-nll-loss": gaussian_nll_loss,
}

CODE_NAMES = {"HuberLoss", "SmoothL1Loss"}
