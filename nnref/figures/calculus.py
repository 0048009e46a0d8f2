"""Figures of the calculus pages: a linear map and its Jacobians, finite-difference errors.

* ``jacobian-linear-map``: a 2 x 2 matrix sends the unit circle to an ellipse; its right
  singular vectors go to the ellipse's axes, scaled by the singular values (``torch.linalg.svd``);
  beside it the softmax Jacobian ``diag(s) - s s^T`` computed by ``torch.autograd``.
* ``gradient-finite-difference-error``: the relative error of forward and central difference
  gradients of a logistic-regression loss against the step ``h``, in float64 and float32, with
  the exact gradient from autograd (the data of the gradient page's snippets).
"""

import matplotlib.pyplot as plt
import torch
from matplotlib.figure import Figure
from torch.autograd.functional import jacobian

from nnref.autodiff.numeric import default_step, difference_errors
from nnref.figures.palette import BLUE, GREY, ORANGE, RED

CODE_NAMES = {"forward", "central", "float64", "float32"}

# The matrix of the linear map drawn in the figure.
MATRIX = torch.tensor([[1.5, 1.0], [0.25, 1.0]], dtype=torch.float64)
SOFTMAX_LOGITS = torch.tensor([2.0, 1.0, 0.1], dtype=torch.float64)


def jacobian_linear_map() -> Figure:
    """Unit circle and its image under ``MATRIX`` with singular vectors; softmax Jacobian."""
    u, sigma, vh = torch.linalg.svd(MATRIX)
    # Singular vectors are defined up to sign: draw v_i with a positive first coordinate.
    signs = torch.where(vh[:, 0] < 0, -1.0, 1.0).to(torch.float64)
    vh, u = vh * signs[:, None], u * signs[None, :]
    angle = torch.linspace(0, 2 * torch.pi, 241, dtype=torch.float64)
    circle = torch.stack([torch.cos(angle), torch.sin(angle)])
    image = (MATRIX @ circle).numpy()
    marks = torch.linspace(0, 2 * torch.pi, 13, dtype=torch.float64)[:-1]
    points = torch.stack([torch.cos(marks), torch.sin(marks)])
    mapped = (MATRIX @ points).numpy()
    circle, points = circle.numpy(), points.numpy()

    figure, (left, middle, right) = plt.subplots(
        1, 3, figsize=(11, 3.8), gridspec_kw={"width_ratios": [1, 1, 1.1]}
    )
    for axes, curve, dots in ((left, circle, points), (middle, image, mapped)):
        axes.plot(curve[0], curve[1], color=GREY, linewidth=1.2)
        axes.scatter(dots[0], dots[1], s=10, color=GREY, zorder=3)
        axes.scatter(dots[0, :1], dots[1, :1], s=30, color=RED, zorder=4)
        axes.set_aspect("equal")
        axes.set_xlim(-2.2, 2.2)
        axes.set_ylim(-2.2, 2.2)
    for index, color in enumerate((BLUE, ORANGE)):
        v = vh[index].tolist()
        image_axis = (sigma[index] * u[:, index]).tolist()
        left.annotate(
            "",
            xy=(v[0], v[1]),
            xytext=(0, 0),
            arrowprops={"arrowstyle": "->", "color": color, "linewidth": 2},
        )
        left.text(1.15 * v[0], 1.15 * v[1], f"$v_{index + 1}$", color=color, ha="center")
        middle.annotate(
            "",
            xy=(image_axis[0], image_axis[1]),
            xytext=(0, 0),
            arrowprops={"arrowstyle": "->", "color": color, "linewidth": 2},
        )
        middle.text(
            image_axis[0] + 0.15,
            image_axis[1] + 0.1,
            f"$\\sigma_{index + 1} u_{index + 1}$",
            color=color,
        )
    left.set_title(r"$\|x\| = 1$")
    middle.set_title(f"$y = Wx$, $\\sigma_1 = {sigma[0]:.2f}$, $\\sigma_2 = {sigma[1]:.2f}$")

    jac = jacobian(lambda z: torch.softmax(z, dim=0), SOFTMAX_LOGITS)
    limit = jac.abs().max().item()
    right.imshow(jac.numpy(), cmap="RdBu_r", vmin=-limit, vmax=limit)
    for i in range(3):
        for j in range(3):
            value = jac[i, j].item()
            color = "white" if abs(value) > 0.6 * limit else "black"
            right.text(j, i, f"{value:.3f}", ha="center", va="center", color=color)
    right.set_xticks(range(3), [f"$z_{j + 1}$" for j in range(3)])
    right.set_yticks(range(3), [f"$s_{i + 1}$" for i in range(3)])
    right.grid(False)
    right.set_title(r"$\partial s_i / \partial z_j$, $z = (2, 1, 0.1)$")
    figure.tight_layout()
    return figure


def _logistic_problem(dtype: torch.dtype):
    with torch.random.fork_rng():
        torch.manual_seed(0)
        x = torch.randn(20, 10, dtype=torch.float64)
        y = torch.randint(0, 2, (20,)).double() * 2 - 1
        w = torch.randn(10, dtype=torch.float64)
    exact = -(x.T @ (y * torch.sigmoid(-y * (x @ w)))) / 20
    xd, yd = x.to(dtype), y.to(dtype)

    def loss(v: torch.Tensor) -> torch.Tensor:
        return torch.log1p(torch.exp(-yd * (xd @ v))).mean()

    return loss, w.to(dtype), exact


def gradient_finite_difference_error() -> Figure:
    """Relative error of finite-difference gradients against the step, log-log."""
    steps = [10.0 ** (-k / 4) for k in range(0, 57)]
    figure, axes = plt.subplots(figsize=(7, 4.4))
    for dtype, style in ((torch.float64, "-"), (torch.float32, "--")):
        loss, w, exact = _logistic_problem(dtype)
        name = str(dtype).removeprefix("torch.")
        for scheme, color in (("forward", BLUE), ("central", ORANGE)):
            errors = difference_errors(loss, w, exact, steps, scheme)
            axes.plot(steps, errors, style, color=color, linewidth=1.5, label=f"{scheme}, {name}")
            best = default_step(dtype, scheme)
            axes.axvline(best, color=color, linestyle=style, linewidth=0.7, alpha=0.5)
    axes.text(2e-6, 1e-5, "$\\propto h$", color=BLUE)
    axes.text(2e-3, 1e-8, "$\\propto h^2$", color=ORANGE)
    axes.text(1e-11, 1.5, "$x + h = x$", color=GREY, fontsize=9)
    axes.set_xscale("log")
    axes.set_yscale("log")
    axes.set_xlim(1e-14, 1)
    axes.set_ylim(1e-12, 100)
    axes.set_xlabel("$h$")
    axes.set_ylabel(r"$\|\hat g - \nabla L\|_\infty \,/\, \|\nabla L\|_\infty$")
    axes.legend(loc="lower left", fontsize=9)
    return figure


FIGURES = {
    "jacobian-linear-map": jacobian_linear_map,
    "gradient-finite-difference-error": gradient_finite_difference_error,
}
