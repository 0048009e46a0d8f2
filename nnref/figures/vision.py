"""Figures of the vision pages: translation equivariance of a convolution on a real digit, the
stages of the digits CNN with their shapes, augmented digits, and pretraining vs training from
scratch on a few labelled digits. Every number drawn is computed here, not typed in."""

import copy

import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch
from sklearn.datasets import load_digits
from torch import nn

from nnref._threads import one_thread
from nnref.figures.palette import BLUE, GREEN, GREY, ORANGE, PURPLE, RED
from nnref.vision.augment import (
    cutout,
    gaussian_noise,
    random_brightness,
    random_hflip,
    random_rotation,
    random_shift,
)
from nnref.vision.counting import receptive_fields
from nnref.vision.shapes import BatchNorm, Conv, Flatten, Linear, Pool, ReLU, trace
from nnref.vision.transfer import batchnorm_eval, freeze, param_groups, unfreeze

# The vertical-edge (Sobel) kernel of the cnn-for-images page.
SOBEL_X = torch.tensor([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]])

# The digits network of the cnn-architecture page (input (N, 1, 8, 8)).
DIGITS_NET = [
    Conv(16, 3, padding=1), BatchNorm(), ReLU(), Pool(2),
    Conv(32, 3, padding=1), BatchNorm(), ReLU(), Pool(2),
    Flatten(), Linear(64), ReLU(), Linear(10),
]  # fmt: skip


def _digits() -> tuple[torch.Tensor, torch.Tensor]:
    data = load_digits()
    x = torch.tensor(data.images, dtype=torch.float32).unsqueeze(1) / 16
    return x, torch.tensor(data.target)


def _show(ax, image: torch.Tensor, title: str, cmap: str = "gray_r", symmetric=False) -> None:
    limit = max(float(image.abs().max()), 1.0) if symmetric else None
    ax.imshow(
        image.numpy(),
        cmap=cmap,
        vmin=-limit if symmetric else None,
        vmax=limit,
        interpolation="nearest",
    )
    ax.set_title(title, fontsize=11)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)


def cnn_equivariance() -> Figure:
    """A digit, the digit shifted, their edge maps and pooled maps: shift in, shift out."""
    x, _ = _digits()
    digit = F.pad(x[2:3], (4, 4, 4, 4))  # a '2' on a 16 x 16 canvas
    moved = torch.roll(digit, shifts=(2, 3), dims=(-2, -1))
    kernel = SOBEL_X.view(1, 1, 3, 3)

    def edges(image: torch.Tensor) -> torch.Tensor:
        return F.conv2d(F.pad(image, (1, 1, 1, 1), mode="circular"), kernel)

    fig, axes = plt.subplots(2, 4, figsize=(9.2, 4.9))
    for row, (image, name) in enumerate([(digit, "x"), (moved, "Tx")]):
        response = edges(image)
        pooled = F.max_pool2d(response.relu(), 2)
        _show(axes[row, 0], image[0, 0], f"${name}$")
        _show(axes[row, 1], response[0, 0], f"$k \\star {name}$", cmap="RdBu_r", symmetric=True)
        _show(
            axes[row, 2], pooled[0, 0], f"$\\mathrm{{maxpool}}(\\mathrm{{ReLU}}(k\\star {name}))$"
        )
        if row == 0:
            _show(axes[0, 3], SOBEL_X, "$k$", cmap="RdBu_r", symmetric=True)
            for (i, j), value in zip(
                [(i, j) for i in range(3) for j in range(3)], SOBEL_X.flatten(), strict=True
            ):
                axes[0, 3].text(j, i, f"{value:g}", ha="center", va="center", fontsize=10)
        else:
            diff = edges(moved) - torch.roll(edges(digit), shifts=(2, 3), dims=(-2, -1))
            _show(
                axes[1, 3],
                diff[0, 0],
                f"$k\\star Tx - T(k\\star x)$\n$\\max = {float(diff.abs().max()):g}$",
                cmap="RdBu_r",
                symmetric=True,
            )
    for ax in axes[:, 0]:
        ax.add_patch(plt.Rectangle((3.5, 3.5), 8, 8, fill=False, edgecolor=ORANGE, lw=1.2))
    axes[1, 0].add_patch(plt.Rectangle((6.5, 5.5), 8, 8, fill=False, edgecolor=BLUE, lw=1.2))
    fig.tight_layout()
    return fig


def cnn_receptive_field() -> Figure:
    """Receptive field and jump after each layer of three stacks, by the formula."""
    stacks = {
        "$3\\times$ conv $3\\times3$": ([3, 3, 3], [1, 1, 1]),
        "conv 3, pool 2, conv 3, pool 2": ([3, 2, 3, 2], [1, 2, 1, 2]),
        "VGG-16": (
            [k for n in (2, 2, 3, 3, 3) for k in [3] * n + [2]],
            [s for n in (2, 2, 3, 3, 3) for s in [1] * n + [2]],
        ),
    }
    fig, ax = plt.subplots(figsize=(6.6, 3.8))
    colors = [BLUE, ORANGE, GREEN]
    for (_, (kernels, strides)), color, marker in zip(
        stacks.items(), colors, ["o", "s", "^"], strict=True
    ):
        fields = receptive_fields(kernels, strides)
        depth = range(1, len(fields) + 1)
        ax.plot(depth, [r for r, _ in fields], marker=marker, color=color)
        ax.annotate(
            f"$R={fields[-1][0]}$",
            (len(fields), fields[-1][0]),
            textcoords="offset points",
            xytext=(6, -4),
            color=color,
        )
    ax.set_yscale("log", base=2)
    ax.set_xlabel("$l$")
    ax.set_ylabel("$R_l$")
    return fig


_LABELS = {
    Conv: "Conv2d",
    BatchNorm: "BatchNorm2d",
    ReLU: "ReLU",
    Pool: "MaxPool2d",
    Flatten: "Flatten",
    Linear: "Linear",
}
_COLORS = {
    Conv: BLUE,
    BatchNorm: PURPLE,
    ReLU: GREY,
    Pool: ORANGE,
    Flatten: GREY,
    Linear: GREEN,
}


def cnn_architecture_stages() -> Figure:
    """The stages of the digits network as blocks with their output shapes and parameters."""
    stages = trace((1, 1, 8, 8), DIGITS_NET)
    rows = [("input", (1, 1, 8, 8), 0, GREY)] + [
        (_LABELS[type(s.spec)], s.shape, s.params, _COLORS[type(s.spec)]) for s in stages
    ]
    fig, ax = plt.subplots(figsize=(7.6, 6.2))
    ax.set_xlim(0, 10)
    ax.set_ylim(-len(rows) - 0.6, 0.6)
    ax.axis("off")
    for index, (label, shape, params, color) in enumerate(rows):
        y = -index
        box = FancyBboxPatch(
            (0.2, y - 0.38),
            3.6,
            0.76,
            boxstyle="round,pad=0.02",
            facecolor=color,
            alpha=0.25,
            edgecolor=color,
        )
        ax.add_patch(box)
        ax.text(2.0, y, label if index else "$x$", ha="center", va="center", fontsize=11)
        dims = "(N, " + ", ".join(str(d) for d in shape[1:]) + ")"
        ax.text(4.3, y, dims, ha="left", va="center", fontsize=11, family="monospace")
        if params:
            ax.text(9.6, y, f"{params:,}".replace(",", " "), ha="right", va="center", fontsize=11)
        if index:
            ax.annotate(
                "",
                xy=(2.0, y + 0.38),
                xytext=(2.0, y + 0.62),
                arrowprops=dict(arrowstyle="->", color=GREY, lw=1),
            )
    total = sum(s.params for s in stages)
    ax.text(9.6, -len(rows) + 0.1, f"$\\Sigma = {total}$", ha="right", va="center", fontsize=11)
    ax.text(4.3, 0.55, "$(N, C, H, W)$", ha="left", va="center", fontsize=11)
    ax.text(9.6, 0.55, "numel", ha="right", va="center", fontsize=11)
    return fig


def small_data_augment() -> Figure:
    """One digit and augmented copies of it, each from its own seeded generator."""
    x, _ = _digits()
    digit = x[3:4].repeat(4, 1, 1, 1)
    g = torch.Generator().manual_seed(0)
    rows = [
        ("random_shift", random_shift(digit, 1, generator=g)),
        ("random_rotation", random_rotation(digit, 20.0, generator=g)),
        ("random_brightness", random_brightness(digit, 0.4, generator=g)),
        ("gaussian_noise", gaussian_noise(digit, 0.15, generator=g)),
        ("cutout", cutout(digit, 3, generator=g)),
        ("random_hflip", random_hflip(digit, p=1.0, generator=g)),
    ]
    fig, axes = plt.subplots(len(rows), 5, figsize=(6.4, 8.4))
    for r, (name, images) in enumerate(rows):
        _show(axes[r, 0], digit[0, 0], "$x$" if r == 0 else "")
        axes[r, 0].set_ylabel(name, rotation=0, ha="right", va="center", fontsize=10)
        for c in range(4):
            _show(axes[r, c + 1], images[c, 0].clamp(0, 1.4), "")
    for spine in axes[-1, 1:]:
        for side in spine.spines.values():
            side.set_visible(True)
            side.set_color(RED)
            side.set_linewidth(2)
    fig.tight_layout()
    return fig


def _backbone() -> nn.Sequential:
    return nn.Sequential(
        nn.Conv2d(1, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(8, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(),
    )  # fmt: skip


def _train(model, params, x, y, steps, lr) -> None:
    optimizer = torch.optim.Adam(params, lr=lr)
    for _ in range(steps):
        optimizer.zero_grad()
        F.cross_entropy(model(x), y).backward()
        optimizer.step()


def _accuracy(model, x, y) -> float:
    model.eval()
    with torch.no_grad():
        return (model(x).argmax(1) == y).float().mean().item()


def transfer_experiment(shots=(1, 2, 5, 10), draws=2) -> dict[str, list[float]]:
    """Test accuracy on digits 5-9 against labelled examples per class, mean over draws.

    ``scratch``: the whole network trained on the few examples; ``frozen``: a backbone
    pretrained on digits 0-4, frozen, with a new head; ``finetuned``: then every layer trained
    with the backbone at a tenth of the head's learning rate.
    """
    x, y = _digits()
    torch.manual_seed(0)
    backbone = _backbone()
    pretrain = nn.Sequential(backbone, nn.Linear(64, 5))
    _train(pretrain, pretrain.parameters(), x[y < 5], y[y < 5], 40, 2e-2)
    xt, yt = x[y >= 5], y[y >= 5] - 5
    order = torch.randperm(len(yt), generator=torch.Generator().manual_seed(0))
    xt, yt = xt[order], yt[order]
    pool_y, test_x, test_y = yt[:300], xt[300:], yt[300:]
    results = {"scratch": [], "frozen": [], "finetuned": []}
    for k in shots:
        sums = dict.fromkeys(results, 0.0)
        for draw in range(draws):
            picked = torch.cat(
                [torch.nonzero(pool_y == c).flatten()[draw * k : (draw + 1) * k] for c in range(5)]
            )
            fx, fy = xt[picked], yt[picked]
            torch.manual_seed(1)
            scratch = nn.Sequential(_backbone(), nn.Linear(64, 5))
            _train(scratch, scratch.parameters(), fx, fy, 60, 1e-2)
            sums["scratch"] += _accuracy(scratch, test_x, test_y)
            torch.manual_seed(1)
            features, head = freeze(copy.deepcopy(backbone)), nn.Linear(64, 5)
            model = nn.Sequential(features, head)
            model.train()
            batchnorm_eval(features)
            _train(model, head.parameters(), fx, fy, 60, 1e-2)
            sums["frozen"] += _accuracy(model, test_x, test_y)
            unfreeze(features)
            model.train()
            batchnorm_eval(features)
            _train(model, param_groups(features, head, 1e-2, 0.1), fx, fy, 30, 1e-2)
            sums["finetuned"] += _accuracy(model, test_x, test_y)
        for name in results:
            results[name].append(sums[name] / draws)
    return results


def small_data_transfer() -> Figure:
    """Test accuracy against labelled examples per class: scratch, frozen, fine-tuned."""
    shots = (1, 2, 5, 10)
    with one_thread():
        results = transfer_experiment(shots)
    fig, ax = plt.subplots(figsize=(6.4, 4.0))
    for (name, accuracies), color, marker in zip(
        results.items(), [GREY, ORANGE, BLUE], ["o", "s", "^"], strict=True
    ):
        ax.plot(shots, accuracies, marker=marker, color=color, label=name)
        for k, value in zip(shots, accuracies, strict=True):
            ax.annotate(
                f"{value:.2f}",
                (k, value),
                textcoords="offset points",
                xytext=(0, 6),
                ha="center",
                fontsize=8,
                color=color,
            )
    ax.set_xscale("log", base=2)
    ax.set_xticks(shots, [str(k) for k in shots])
    ax.set_xlabel("$k$")
    ax.set_ylabel("$\\mathrm{acc}$")
    ax.legend(loc="lower right")
    return fig


FIGURES = {
    "cnn-equivariance": cnn_equivariance,
    "cnn-receptive-field": cnn_receptive_field,
    "cnn-architecture-stages": cnn_architecture_stages,
    "small-data-augment": small_data_augment,
    "small-data-transfer": small_data_transfer,
}
CODE_NAMES = {
    "Conv2d",
    "BatchNorm2d",
    "ReLU",
    "MaxPool2d",
    "Flatten",
    "Linear",
    "input",
    "numel",
    "random_shift",
    "random_rotation",
    "random_brightness",
    "gaussian_noise",
    "cutout",
    "random_hflip",
    "scratch",
    "frozen",
    "finetuned",
    "conv",
    "pool",
    "VGG",
}
