"""Gated recurrent unit (GRU): reset gate r, update gate z, candidate n; no cell state."""

from collections.abc import Mapping

import torch

from nnref.layers.recurrent import affine, check_cell, run_sequence


def gru_cell(
    input: torch.Tensor,
    hx: torch.Tensor | None,
    weight_ih: torch.Tensor,
    weight_hh: torch.Tensor,
    bias_ih: torch.Tensor | None = None,
    bias_hh: torch.Tensor | None = None,
) -> torch.Tensor:
    """One step of ``torch.nn.GRUCell``, gate blocks stacked in the order ``r, z, n``::

        r = sigmoid(x W_ir^T + b_ir + h W_hr^T + b_hr)          # reset gate
        z = sigmoid(x W_iz^T + b_iz + h W_hz^T + b_hz)          # update gate
        n = tanh(x W_in^T + b_in + r * (h W_hn^T + b_hn))       # candidate ("new gate")
        h' = (1 - z) * n + z * h

    The reset gate multiplies ``h W_hn^T + b_hn`` *after* the matrix product (Keras'
    ``reset_after=True``); Cho et al. (2014) apply it before: ``(r * h) W_hn^T``.

    Args:
        input: ``(N, input_size)`` or unbatched ``(input_size,)``.
        hx: ``(N, hidden_size)`` or ``(hidden_size,)``; ``None`` means zeros.
        weight_ih: ``(3*hidden_size, input_size)``, blocks ``[W_ir | W_iz | W_in]``.
        weight_hh: ``(3*hidden_size, hidden_size)``, blocks ``[W_hr | W_hz | W_hn]``.
        bias_ih: ``(3*hidden_size,)`` or ``None``.
        bias_hh: ``(3*hidden_size,)`` or ``None``.

    Returns:
        The new hidden state, shaped like ``hx``.
    """
    hx = check_cell(input, hx, weight_ih, weight_hh, bias_ih, bias_hh, gates=3)
    if weight_hh.shape[1] * 3 != weight_hh.shape[0]:
        raise ValueError(
            f"weight_hh must have shape (3*hidden_size, hidden_size), got {tuple(weight_hh.shape)}"
        )
    i_r, i_z, i_n = affine(input, weight_ih, bias_ih).chunk(3, dim=-1)
    h_r, h_z, h_n = affine(hx, weight_hh, bias_hh).chunk(3, dim=-1)
    r = torch.sigmoid(i_r + h_r)
    z = torch.sigmoid(i_z + h_z)
    n = torch.tanh(i_n + r * h_n)
    return (1 - z) * n + z * hx


def gru(
    input: torch.Tensor,
    params: Mapping[str, torch.Tensor],
    hx: torch.Tensor | None = None,
    *,
    batch_first: bool = False,
    lengths: object = None,
) -> tuple[torch.Tensor, torch.Tensor]:
    """Run ``torch.nn.GRU`` from its parameters (dropout off, as in ``eval()`` mode).

    Arguments and results are those of :func:`nnref.layers.rnn.rnn` (without
    ``nonlinearity``); the parameters have ``3*hidden_size`` rows.
    """

    def cell(x, h, w_ih, w_hh, b_ih, b_hh, _w_hr):
        return gru_cell(x, h, w_ih, w_hh, b_ih, b_hh)

    return run_sequence("GRU", cell, input, params, hx, batch_first, lengths)
