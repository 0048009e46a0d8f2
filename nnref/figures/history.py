"""Figure of the deep-learning history page: ImageNet error by year, and gradient per layer."""

import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from nnref.deep_signal import signal_experiment
from nnref.figures.palette import BLUE, GREEN, GREY, ORANGE, PURPLE, RED

CODE_NAMES: set[str] = set()

# ILSVRC classification: top-5 test error (%) of the winning team's best entry trained on the
# competition's training data only (the same data every year, so the years compare).
# 2010 NEC-UIUC, 2011 XRCE, 2012 SuperVision (AlexNet), 2013 Clarifai, 2014 GoogLeNet,
# 2015 MSRA (ResNet).
ILSVRC_TOP5_ERROR = {2010: 28.2, 2011: 25.8, 2012: 16.4, 2013: 11.7, 2014: 6.7, 2015: 3.57}
# The winning entries of 2012 and 2013 that were also pre-trained on extra ImageNet data
# (the full ImageNet release of fall 2011): AlexNet's famous 15.3 % is the 2012 one.
ILSVRC_TOP5_ERROR_EXTRA_DATA = {2012: 15.3, 2013: 11.2}

_STYLES = {
    ("sigmoid", "normal"): (ORANGE, r"$\sigma,\ W \sim \mathcal{N}(0, 1)$"),
    ("sigmoid", "xavier"): (RED, r"$\sigma,\ W \sim \mathcal{N}(0, 2/(n_{in}+n_{out}))$"),
    ("relu", "normal"): (PURPLE, r"$\mathrm{ReLU},\ W \sim \mathcal{N}(0, 1)$"),
    ("relu", "kaiming"): (GREEN, r"$\mathrm{ReLU},\ W \sim \mathcal{N}(0, 2/n_{in})$"),
}


def deep_learning_history() -> Figure:
    """Left: the winning top-5 error of ILSVRC, 2010-2015 (deep CNNs from 2012). Right: the
    gradient norm of every layer of a 20-layer network for four activation/initialisation
    recipes (``nnref.deep_signal.signal_experiment``)."""
    figure, (left, right) = plt.subplots(1, 2, figsize=(10, 4.0))
    years = list(ILSVRC_TOP5_ERROR)
    errors = list(ILSVRC_TOP5_ERROR.values())
    colors = [GREY if year < 2012 else BLUE for year in years]
    left.bar(years, errors, color=colors, width=0.7)
    for year, error in zip(years, errors, strict=True):
        left.text(year, error + 0.6, f"{error:g}", ha="center", va="bottom", fontsize=10)
    left.set_xticks(years)
    left.set_ylim(0, 32)
    left.set_ylabel(r"$\mathrm{top}\text{-}5$ %")
    left.grid(axis="x", visible=False)

    norms = signal_experiment(depth=20, width=64, batch=32, seed=0)
    for key, values in norms.items():
        color, label = _STYLES[key]
        right.plot(
            range(1, len(values) + 1),
            values,
            color=color,
            marker="o",
            markersize=3,
            linewidth=1.4,
            label=label,
        )
    right.set_yscale("log")
    right.set_xticks([1, 5, 10, 15, 20])
    right.set_xlabel("$l$")
    right.set_ylabel(r"$\Vert \partial L / \partial W_l \Vert$")
    right.legend(fontsize=8, loc="center right")
    figure.tight_layout()
    return figure


FIGURES = {"deep-learning-history": deep_learning_history}
