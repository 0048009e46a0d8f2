"""The losses overview: regression losses against the error, margin losses against the margin.

Every curve that PyTorch has a loss for is computed by that torch function; the hinge, squared
hinge and 0-1 losses (no torch class computes them elementwise for one score) by their formulas.
"""

import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F
from matplotlib.figure import Figure

from nnref.figures.palette import BLUE, GREEN, GREY, ORANGE, PURPLE, RED


def losses_overview() -> Figure:
    """Left: L1, MSE, Huber and SmoothL1 against e; right: margin losses against m = y f(x)."""
    error = torch.linspace(-3, 3, 601, dtype=torch.float64)
    zero = torch.zeros_like(error)
    margin = torch.linspace(-2, 3, 501, dtype=torch.float64)
    ones = torch.ones_like(margin)

    figure, (regression, classification) = plt.subplots(1, 2, figsize=(9.6, 4.6))
    curves = [
        (F.mse_loss(error, zero, reduction="none"), BLUE, "-", r"MSELoss $e^2$"),
        (F.l1_loss(error, zero, reduction="none"), ORANGE, "-", r"L1Loss $|e|$"),
        (
            F.huber_loss(error, zero, reduction="none", delta=2.0),
            GREEN,
            "-",
            r"HuberLoss $\delta=2$",
        ),
        (
            F.smooth_l1_loss(error, zero, reduction="none", beta=2.0),
            PURPLE,
            "--",
            r"SmoothL1Loss $\beta=2$",
        ),
    ]
    for values, colour, style, label in curves:
        regression.plot(error, values, color=colour, linestyle=style, linewidth=2, label=label)
    regression.set_ylim(-0.2, 5.2)
    regression.set_xlabel(r"$e = \hat y - y$")
    regression.set_ylabel(r"$\ell$")
    regression.legend(
        loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=2, frameon=False, fontsize=9
    )

    zero_one = (margin <= 0).to(torch.float64)
    logistic = F.binary_cross_entropy_with_logits(margin, ones, reduction="none")
    hinge = torch.clamp(1 - margin, min=0)
    squared = F.mse_loss(margin, ones, reduction="none")
    classification.plot(margin[margin <= 0], zero_one[margin <= 0], color="black", linewidth=2)
    classification.plot(
        margin[margin > 0], zero_one[margin > 0], color="black", linewidth=2, label="$0$-$1$"
    )
    classification.plot(
        margin, logistic, color=BLUE, linewidth=2, label=r"BCEWithLogitsLoss $\log(1+e^{-m})$"
    )
    classification.plot(margin, hinge, color=ORANGE, linewidth=2, label=r"$\max(0, 1-m)$")
    classification.plot(
        margin, hinge**2, color=GREEN, linewidth=2, linestyle="--", label=r"$\max(0, 1-m)^2$"
    )
    classification.plot(
        margin, squared, color=RED, linewidth=1.2, linestyle=":", label=r"MSELoss $(1-m)^2$"
    )
    classification.axvline(0, color=GREY, linewidth=0.6)
    classification.set_ylim(-0.2, 4.2)
    classification.set_xlabel(r"$m = y\,f(x)$,   $y \in \{-1, +1\}$")
    classification.set_ylabel(r"$\ell$")
    classification.legend(
        loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=2, frameon=False, fontsize=9
    )
    figure.tight_layout()
    return figure


FIGURES = {"losses-overview": losses_overview}
CODE_NAMES = {
    "MSELoss",
    "L1Loss",
    "HuberLoss",
    "SmoothL1Loss",
    "BCEWithLogitsLoss",
}
