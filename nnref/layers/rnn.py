"""Elman RNN: ``h_t = tanh(x_t W_ih^T + b_ih + h_{t-1} W_hh^T + b_hh)`` (or ReLU)."""

from collections.abc import Mapping

import torch

from nnref.layers.recurrent import affine, check_cell, run_sequence

NONLINEARITIES = ("tanh", "relu")


def _require_nonlinearity(nonlinearity: object) -> None:
    if nonlinearity not in NONLINEARITIES:
        raise ValueError(f"nonlinearity must be 'tanh' or 'relu', got {nonlinearity!r}")


def rnn_cell(
    input: torch.Tensor,
    hx: torch.Tensor | None,
    weight_ih: torch.Tensor,
    weight_hh: torch.Tensor,
    bias_ih: torch.Tensor | None = None,
    bias_hh: torch.Tensor | None = None,
    nonlinearity: str = "tanh",
) -> torch.Tensor:
    """One step of ``torch.nn.RNNCell``: ``h' = f(x W_ih^T + b_ih + h W_hh^T + b_hh)``.

    Args:
        input: ``(N, input_size)`` or unbatched ``(input_size,)``.
        hx: previous hidden state, ``(N, hidden_size)`` or ``(hidden_size,)``; ``None``
            means zeros.
        weight_ih: ``(hidden_size, input_size)``.
        weight_hh: ``(hidden_size, hidden_size)``.
        bias_ih: ``(hidden_size,)`` or ``None``; torch keeps two bias vectors that are
            simply added.
        bias_hh: ``(hidden_size,)`` or ``None``.
        nonlinearity: ``"tanh"`` (default) or ``"relu"``.

    Returns:
        The new hidden state, shaped like ``hx``.
    """
    _require_nonlinearity(nonlinearity)
    hx = check_cell(input, hx, weight_ih, weight_hh, bias_ih, bias_hh, gates=1)
    pre = affine(input, weight_ih, bias_ih) + affine(hx, weight_hh, bias_hh)
    return torch.tanh(pre) if nonlinearity == "tanh" else pre.clamp(min=0)


def rnn(
    input: torch.Tensor,
    params: Mapping[str, torch.Tensor],
    hx: torch.Tensor | None = None,
    *,
    nonlinearity: str = "tanh",
    batch_first: bool = False,
    lengths: object = None,
) -> tuple[torch.Tensor, torch.Tensor]:
    """Run ``torch.nn.RNN`` from its parameters (dropout off, as in ``eval()`` mode).

    ``num_layers``, ``bidirectional``, ``bias`` and the sizes are read from ``params``
    (``dict(module.named_parameters())``).

    Args:
        input: ``(L, N, input_size)``, ``(N, L, input_size)`` with ``batch_first``, or
            unbatched ``(L, input_size)``.
        params: ``weight_ih_l{k}``, ``weight_hh_l{k}``, ``bias_ih_l{k}``, ``bias_hh_l{k}``
            and their ``_reverse`` twins.
        hx: ``h_0`` of shape ``(D*num_layers, N, hidden_size)``; zeros if ``None``.
        nonlinearity: ``"tanh"`` or ``"relu"``.
        batch_first: batch-major ``input`` and ``output``; never applies to ``hx``/``h_n``.
        lengths: lengths of a right-padded batch; gives what the packed sequence gives.

    Returns:
        ``(output, h_n)``: ``output`` holds the last layer's ``h_t`` for every ``t``, both
        directions concatenated (``D*hidden_size`` features); ``h_n`` every layer's and
        direction's final state, ordered ``[layer0, layer0_reverse, layer1, ...]``.
    """
    _require_nonlinearity(nonlinearity)

    def cell(x, h, w_ih, w_hh, b_ih, b_hh, _w_hr):
        return rnn_cell(x, h, w_ih, w_hh, b_ih, b_hh, nonlinearity)

    return run_sequence("RNN", cell, input, params, hx, batch_first, lengths)
