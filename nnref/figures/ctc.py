"""The CTC alignment lattice and the posterior occupancy of its cells.

The lattice is drawn from :mod:`nnref.losses.ctc` (alpha and beta with every log-probability 0,
so a cell is valid when some alignment passes through it), and the occupancy from the same
recursions on seeded random log-probabilities; the tests check those recursions against
``torch.nn.functional.ctc_loss``.
"""

import itertools

import matplotlib.pyplot as plt
import torch
from matplotlib.figure import Figure

from nnref.figures.palette import BLUE, GREY, ORANGE
from nnref.losses.ctc import ctc_log_alpha, ctc_log_beta, extend_with_blanks

# The target "a b b" (classes 1, 2, 2) over 6 frames; class 0 is the blank.
TARGET = torch.tensor([1, 2, 2])
FRAMES = 6
SYMBOLS = {0: r"$\varnothing$", 1: "$a$", 2: "$b$"}
# One valid alignment: a a blank b blank b, as rows of the extended sequence.
PATH = [1, 1, 2, 3, 4, 5]


def _occupancy(log_probs: torch.Tensor) -> torch.Tensor:
    """Posterior probability that an alignment is in cell (t, s), shape (T, 2S + 1)."""
    alpha = ctc_log_alpha(log_probs, TARGET)
    beta = ctc_log_beta(log_probs, TARGET)
    extended = extend_with_blanks(TARGET, 0)
    log_p = torch.logsumexp(alpha[-1, -2:], dim=0)
    return torch.exp(alpha + beta - log_probs[:, extended] - log_p)


def _can_follow(extended: list[int], s: int, s_next: int) -> bool:
    """Whether the lattice has an edge from row s to row s_next at the next frame."""
    if s_next in (s, s + 1):
        return True
    return s_next == s + 2 and extended[s_next] != 0 and extended[s_next] != extended[s]


def ctc_loss() -> Figure:
    """Left: the lattice (frames by extended labels) with one alignment; right: occupancy."""
    extended = extend_with_blanks(TARGET, 0).tolist()
    rows = len(extended)
    valid = _occupancy(torch.zeros(FRAMES, 3, dtype=torch.float64)) > 0
    generator = torch.Generator().manual_seed(0)
    log_probs = torch.randn(FRAMES, 3, generator=generator, dtype=torch.float64).log_softmax(1)
    occupancy = _occupancy(log_probs)

    figure, (lattice, heat) = plt.subplots(1, 2, figsize=(9.6, 3.9))
    for t in range(FRAMES - 1):
        for s in range(rows):
            for s_next in range(s, min(s + 3, rows)):
                if valid[t, s] and valid[t + 1, s_next] and _can_follow(extended, s, s_next):
                    lattice.plot([t + 1, t + 2], [s, s_next], color=GREY, linewidth=0.8, zorder=1)
    for t, (s, s_next) in enumerate(itertools.pairwise(PATH)):
        lattice.plot([t + 1, t + 2], [s, s_next], color=ORANGE, linewidth=3, zorder=2)
    times, states = torch.meshgrid(torch.arange(FRAMES), torch.arange(rows), indexing="ij")
    lattice.scatter(times[valid] + 1, states[valid], s=70, color=BLUE, zorder=3)
    lattice.scatter(
        times[~valid] + 1, states[~valid], s=40, facecolor="white", edgecolor=GREY, zorder=3
    )
    lattice.set_title(r"$\mathcal{B}(a\,a\,\varnothing\,b\,\varnothing\,b) = a\,b\,b$")

    image = heat.imshow(occupancy.T.numpy(), cmap="Blues", vmin=0, vmax=1, aspect="auto")
    for t in range(FRAMES):
        for s in range(rows):
            value = float(occupancy[t, s])
            if value >= 0.005:
                colour = "white" if value > 0.6 else "black"
                heat.text(t, s, f"{value:.2f}", ha="center", va="center", fontsize=8, color=colour)
    figure.colorbar(image, ax=heat, fraction=0.05)
    heat.set_title(r"$\gamma_t(s)$")
    heat.grid(False)

    labels = [SYMBOLS[c] for c in extended]
    for ax, offset in ((lattice, 1), (heat, 0)):
        ax.set_yticks(range(rows), labels)
        ax.set_xticks([t + offset for t in range(FRAMES)], [str(t + 1) for t in range(FRAMES)])
        ax.set_xlabel("$t$")
        ax.set_ylabel("$l'_s$")
    lattice.set_ylim(rows - 0.5, -0.5)
    lattice.set_xlim(0.5, FRAMES + 0.5)
    figure.tight_layout()
    return figure


FIGURES = {"ctc-loss": ctc_loss}
