"""Figures of loss functions: the loss and its gradient against the prediction."""

import matplotlib.pyplot as plt
import torch
from matplotlib.figure import Figure

from nnref.figures.palette import BLUE, GREY, ORANGE


def mse_loss() -> Figure:
    """Squared error and its gradient for one target y = 1 (computed by torch)."""
    target = torch.tensor(1.0)
    prediction = torch.linspace(-2, 4, 601, requires_grad=True)
    loss = torch.nn.functional.mse_loss(prediction, target.expand_as(prediction), reduction="none")
    (grad,) = torch.autograd.grad(loss.sum(), prediction)
    prediction, loss = prediction.detach(), loss.detach()

    figure, (left, right) = plt.subplots(1, 2, figsize=(8, 3.2), sharex=True)
    left.plot(prediction, loss, color=BLUE, linewidth=2)
    left.plot(prediction, (prediction - target).abs(), color=GREY, linestyle="--", linewidth=1.2)
    left.text(-1.2, 7.5, r"$(\hat y - y)^2$", color=BLUE)
    left.text(3.05, 1.35, r"$|\hat y - y|$", color=GREY)
    left.set_ylim(-0.3, 9.3)
    right.plot(prediction, grad, color=ORANGE, linewidth=2)
    right.text(-1.9, 4.2, r"$\partial \ell / \partial \hat y = 2(\hat y - y)$", color=ORANGE)
    right.axhline(0, color="black", linewidth=0.6)
    for ax in (left, right):
        ax.axvline(1.0, color="black", linewidth=0.6, linestyle=":")
        ax.set_xlabel(r"$\hat y$   ($y = 1$)")
    figure.tight_layout()
    return figure


FIGURES = {"mse-loss": mse_loss}
