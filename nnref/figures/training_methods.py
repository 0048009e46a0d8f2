"""Figures of the training-method pages: activation scale over depth for each initialisation,
overfitting and regularisation on a small regression, and gradient norms through time in an RNN.

Every curve is computed by torch itself: real forward and backward passes through ``nn.Linear``
stacks, real training with ``torch.optim.Adam``, real autograd through ``nn.RNN``.
"""

import math

import matplotlib.pyplot as plt
import torch
from matplotlib.figure import Figure
from torch import nn

from nnref._threads import one_thread
from nnref.figures.palette import BLUE, GREEN, GREY, ORANGE, PURPLE, RED

WIDTH, DEPTH, BATCH = 128, 50, 128


def _init_weight(weight: torch.Tensor, scheme: str, generator: torch.Generator) -> None:
    if scheme == "normal-1":
        weight.normal_(0.0, 1.0, generator=generator)
    elif scheme == "normal-0.01":
        weight.normal_(0.0, 0.01, generator=generator)
    elif scheme == "xavier":
        nn.init.xavier_normal_(weight, generator=generator)
    elif scheme == "kaiming":
        nn.init.kaiming_normal_(weight, nonlinearity="relu", generator=generator)
    else:  # torch's default for nn.Linear: kaiming_uniform_(a=sqrt(5))
        nn.init.kaiming_uniform_(weight, a=math.sqrt(5), generator=generator)


def depth_statistics(scheme: str, activation: str) -> tuple[list[float], list[float]]:
    """The standard deviation of the activations after each of ``DEPTH`` layers and of the
    gradient of ``L = sum(h_DEPTH * r)`` (``r`` fixed noise) with respect to each layer's
    output, for ``WIDTH``-wide bias-free linear layers initialised by ``scheme``."""
    generator = torch.Generator().manual_seed(0)
    f = torch.tanh if activation == "tanh" else torch.relu
    x = torch.randn(BATCH, WIDTH, generator=generator, dtype=torch.float64)
    weights = []
    for _ in range(DEPTH):
        weight = torch.empty(WIDTH, WIDTH, dtype=torch.float64)
        _init_weight(weight, scheme, generator)
        weights.append(weight)
    h = x.requires_grad_()
    outputs = []
    for weight in weights:
        h = f(h @ weight.T)
        h.retain_grad()
        outputs.append(h)
    probe = torch.randn(BATCH, WIDTH, generator=generator, dtype=torch.float64)
    (h * probe).sum().backward()
    forward = [float(out.detach().std()) for out in outputs]
    backward = [float(out.grad.std()) for out in outputs]
    return forward, backward


INIT_SCHEMES = [
    ("normal-1", "tanh", r"$\mathcal{N}(0, 1)$, tanh", RED),
    ("normal-0.01", "tanh", r"$\mathcal{N}(0, 0.01^2)$, tanh", GREY),
    ("xavier", "tanh", "xavier_normal_, tanh", BLUE),
    ("xavier", "relu", "xavier_normal_, relu", ORANGE),
    ("kaiming", "relu", "kaiming_normal_, relu", GREEN),
    ("default", "relu", "nn.Linear, relu", PURPLE),
]


def initialization_depth() -> Figure:
    """Left: std of the activations per layer; right: std of the gradient per layer."""
    figure, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2), sharex=True)
    layers = range(1, DEPTH + 1)
    for scheme, activation, label, color in INIT_SCHEMES:
        forward, backward = depth_statistics(scheme, activation)
        left.plot(layers, forward, color=color, linewidth=1.5, label=label)
        right.plot(layers, backward, color=color, linewidth=1.5)
    for axis, ylabel in (
        (left, r"$\mathrm{std}(h_l)$"),
        (right, r"$\mathrm{std}(\partial L / \partial h_l)$"),
    ):
        axis.set_yscale("log")
        axis.set_xlabel("$l$")
        axis.set_ylabel(ylabel)
    left.legend(loc="lower left", fontsize=8)
    figure.tight_layout()
    return figure


# A 1-D regression with 12 noisy training points: sin(3x) on [-1, 1].
N_TRAIN, N_VAL, STEPS, EVAL_EVERY = 12, 200, 600, 5


def _regression_data() -> tuple[torch.Tensor, ...]:
    generator = torch.Generator().manual_seed(0)
    x_train = torch.linspace(-1, 1, N_TRAIN).unsqueeze(1)
    y_train = torch.sin(3 * x_train) + 0.3 * torch.randn(N_TRAIN, 1, generator=generator)
    x_val = torch.rand(N_VAL, 1, generator=generator) * 2 - 1
    y_val = torch.sin(3 * x_val) + 0.3 * torch.randn(N_VAL, 1, generator=generator)
    return x_train, y_train, x_val, y_val


def fit_regression(
    weight_decay: float = 0.0, dropout: float = 0.0
) -> tuple[nn.Module, list[float], list[float]]:
    """Train a 1-64-64-1 tanh network with ``torch.optim.AdamW`` for ``STEPS`` full-batch
    steps; returns the model (in eval mode) and the training and validation losses
    (evaluation mode, every ``EVAL_EVERY`` steps)."""
    x_train, y_train, x_val, y_val = _regression_data()
    torch.manual_seed(1)
    model = nn.Sequential(
        nn.Linear(1, 64),
        nn.Tanh(),
        nn.Dropout(dropout),
        nn.Linear(64, 64),
        nn.Tanh(),
        nn.Dropout(dropout),
        nn.Linear(64, 1),
    )
    optimizer = torch.optim.AdamW(model.parameters(), lr=0.01, weight_decay=weight_decay)
    loss_fn = nn.MSELoss()
    train_losses, val_losses = [], []
    for step in range(1, STEPS + 1):
        model.train()
        optimizer.zero_grad()
        loss_fn(model(x_train), y_train).backward()
        optimizer.step()
        if step % EVAL_EVERY == 0:
            model.eval()
            with torch.no_grad():
                train_losses.append(float(loss_fn(model(x_train), y_train)))
                val_losses.append(float(loss_fn(model(x_val), y_val)))
    model.eval()
    return model, train_losses, val_losses


REGULARIZERS = [
    (dict(), "weight_decay = 0", RED),
    (dict(weight_decay=3.0), "weight_decay = 3", BLUE),
    (dict(dropout=0.3), "Dropout(0.3)", GREEN),
]


def regularization_fits() -> Figure:
    """Left: the fitted curves; right: training (thin) and validation (thick) loss per step."""
    x_train, y_train, _, _ = _regression_data()
    grid = torch.linspace(-1.1, 1.1, 300).unsqueeze(1)
    figure, (left, right) = plt.subplots(1, 2, figsize=(11, 4))
    left.plot(grid, torch.sin(3 * grid), color=GREY, linestyle="--", label=r"$\sin 3x$")
    for options, label, color in REGULARIZERS:
        model, train_losses, val_losses = fit_regression(**options)
        with torch.no_grad():
            left.plot(grid, model(grid), color=color, linewidth=1.5, label=label)
        steps = range(EVAL_EVERY, STEPS + 1, EVAL_EVERY)
        right.plot(steps, train_losses, color=color, linewidth=0.8, alpha=0.7)
        right.plot(steps, val_losses, color=color, linewidth=1.8)
    left.plot(x_train, y_train, "o", color="black", markersize=4)
    left.set_ylim(-2, 2)
    left.set_xlabel("$x$")
    left.set_ylabel("$y$")
    left.legend(loc="lower right", fontsize=8)
    right.set_yscale("log")
    right.set_xlabel("$t$")
    right.set_ylabel(r"$L_{\mathrm{train}}$, $L_{\mathrm{val}}$")
    figure.tight_layout()
    return figure


RNN_HIDDEN, RNN_STEPS, RNN_INPUT = 32, 40, 8


def rnn_state_gradient_norms(radius: float, input_scale: float) -> list[float]:
    """``||dL/dh_k||`` for ``k = 1..T`` through a bias-free ``nn.RNN`` (tanh) whose ``W_hh`` is
    orthogonal times ``radius`` (every singular value equals ``radius``), for
    ``L = <v, h_T>`` with a fixed random unit vector ``v``."""
    torch.manual_seed(0)
    rnn = nn.RNN(RNN_INPUT, RNN_HIDDEN, bias=False).double()
    generator = torch.Generator().manual_seed(0)
    with torch.no_grad():
        nn.init.orthogonal_(rnn.weight_hh_l0, gain=radius, generator=generator)
    x = input_scale * torch.randn(RNN_STEPS, 1, RNN_INPUT, generator=generator, dtype=torch.float64)
    v = torch.randn(RNN_HIDDEN, generator=generator, dtype=torch.float64)
    v = v / v.norm()
    h = torch.zeros(1, 1, RNN_HIDDEN, dtype=torch.float64)
    states = []
    for t in range(RNN_STEPS):  # one step at a time so that every h_k is a graph node
        _, h = rnn(x[t : t + 1], h)
        h.retain_grad()
        states.append(h)
    (states[-1].reshape(-1) @ v).backward()
    return [float(state.grad.norm()) for state in states]


# (spectral radius, input scale, label of the scale, colour)
RNN_CASES = [
    (0.8, 1e-5, "10^{-5}", BLUE),
    (1.0, 1e-5, "10^{-5}", GREEN),
    (1.2, 1e-5, "10^{-5}", RED),
    (1.2, 1.0, "1", ORANGE),
]


def bptt_gradient_norms() -> Figure:
    """``||dL/dh_k||`` against ``k`` on a log scale, with the linear-regime bound
    ``radius^(T-k)`` dashed."""
    figure, axis = plt.subplots(figsize=(7, 4.2))
    steps = torch.arange(1, RNN_STEPS + 1)
    for radius, scale, scale_label, color in RNN_CASES:
        norms = rnn_state_gradient_norms(radius, scale)
        label = rf"$\rho = {radius}$, $\sigma_x = {scale_label}$"
        axis.plot(steps, norms, color=color, linewidth=1.6, label=label)
        if scale < 1:
            axis.plot(steps, radius ** (RNN_STEPS - steps.double()), color=color, linestyle=":")
    axis.set_yscale("log")
    axis.set_xlabel("$k$")
    axis.set_ylabel(r"$\|\partial L / \partial h_k\|$")
    axis.legend(loc="lower right", fontsize=8)
    figure.tight_layout()
    return figure


FIGURES = {
    "initialization-depth": one_thread()(initialization_depth),
    "regularization-fits": one_thread()(regularization_fits),
    "bptt-gradient-norms": one_thread()(bptt_gradient_norms),
}

CODE_NAMES = {
    "tanh",
    "relu",
    "xavier_normal_",
    "kaiming_normal_",
    "nn.Linear",
    "weight_decay",
    "Dropout",
}
