"""Long short-term memory (LSTM): gates i, f, g, o, a cell state c and a hidden state h."""

from collections.abc import Mapping

import torch

from nnref._checks import require_floating, require_tensor
from nnref.layers.recurrent import affine, check_cell, run_sequence


def lstm_cell(
    input: torch.Tensor,
    hx: tuple[torch.Tensor, torch.Tensor] | None,
    weight_ih: torch.Tensor,
    weight_hh: torch.Tensor,
    bias_ih: torch.Tensor | None = None,
    bias_hh: torch.Tensor | None = None,
    weight_hr: torch.Tensor | None = None,
) -> tuple[torch.Tensor, torch.Tensor]:
    """One step of ``torch.nn.LSTMCell`` (with ``weight_hr``: a projected LSTM layer's step).

    The four gate blocks are stacked in torch's order ``i, f, g, o``::

        i = sigmoid(x W_ii^T + b_ii + h W_hi^T + b_hi)     # input gate
        f = sigmoid(x W_if^T + b_if + h W_hf^T + b_hf)     # forget gate
        g = tanh(x W_ig^T + b_ig + h W_hg^T + b_hg)        # candidate ("cell gate")
        o = sigmoid(x W_io^T + b_io + h W_ho^T + b_ho)     # output gate
        c' = f * c + i * g
        h' = o * tanh(c')          (then h' = h' W_hr^T when weight_hr is given)

    Args:
        input: ``(N, input_size)`` or unbatched ``(input_size,)``.
        hx: ``(h, c)``; ``h`` is ``(N, R)`` with ``R = proj_size`` if ``weight_hr`` is given
            else ``hidden_size``, ``c`` is ``(N, hidden_size)``; ``None`` means zeros.
        weight_ih: ``(4*hidden_size, input_size)``, blocks ``[W_ii | W_if | W_ig | W_io]``.
        weight_hh: ``(4*hidden_size, R)``.
        bias_ih: ``(4*hidden_size,)`` or ``None``.
        bias_hh: ``(4*hidden_size,)`` or ``None``.
        weight_hr: optional projection ``(proj_size, hidden_size)``, ``proj_size < hidden_size``.

    Returns:
        ``(h', c')``.
    """
    h, c = (None, None) if hx is None else _pair(hx)
    h = check_cell(input, h, weight_ih, weight_hh, bias_ih, bias_hh, gates=4, state_name="hx[0]")
    hidden_size = weight_ih.shape[0] // 4
    c = check_cell(
        input, c, weight_ih, weight_hh, bias_ih, bias_hh, 4, "hx[1]", state_size=hidden_size
    )
    if weight_hr is not None:
        require_floating("weight_hr", require_tensor("weight_hr", weight_hr))
        if weight_hr.dim() != 2 or weight_hr.shape[1] != hidden_size:
            raise ValueError(
                f"weight_hr must have shape (proj_size, {hidden_size}), "
                f"got {tuple(weight_hr.shape)}"
            )
        if weight_hr.shape[0] >= hidden_size:
            raise ValueError(
                f"proj_size ({weight_hr.shape[0]}) must be smaller than hidden_size ({hidden_size})"
            )
    recurrent_size = hidden_size if weight_hr is None else weight_hr.shape[0]
    if weight_hh.shape[1] != recurrent_size:
        raise ValueError(
            f"weight_hh must have shape ({4 * hidden_size}, {recurrent_size}), "
            f"got {tuple(weight_hh.shape)}"
        )
    gates = affine(input, weight_ih, bias_ih) + affine(h, weight_hh, bias_hh)
    i, f, g, o = gates.chunk(4, dim=-1)
    i, f, g, o = torch.sigmoid(i), torch.sigmoid(f), torch.tanh(g), torch.sigmoid(o)
    c_next = f * c + i * g
    h_next = o * torch.tanh(c_next)
    if weight_hr is not None:
        h_next = h_next @ weight_hr.T
    return h_next, c_next


def _pair(hx: object) -> tuple[object, object]:
    if not isinstance(hx, tuple | list) or len(hx) != 2:
        raise TypeError(f"hx must be a pair (h, c) of tensors, got {type(hx).__name__}")
    return hx[0], hx[1]


def lstm(
    input: torch.Tensor,
    params: Mapping[str, torch.Tensor],
    hx: tuple[torch.Tensor, torch.Tensor] | None = None,
    *,
    batch_first: bool = False,
    lengths: object = None,
) -> tuple[torch.Tensor, tuple[torch.Tensor, torch.Tensor]]:
    """Run ``torch.nn.LSTM`` from its parameters (dropout off, as in ``eval()`` mode).

    ``num_layers``, ``bidirectional``, ``bias`` and ``proj_size`` are read from ``params``
    (``dict(module.named_parameters())``; ``weight_hr_l{k}`` present means a projection).

    Args:
        input: ``(L, N, input_size)``, ``(N, L, input_size)`` with ``batch_first``, or
            unbatched ``(L, input_size)``.
        params: the module's named parameters.
        hx: ``(h_0, c_0)``: ``h_0`` is ``(D*num_layers, N, H_out)`` with ``H_out`` =
            ``proj_size`` or ``hidden_size``, ``c_0`` is ``(D*num_layers, N, hidden_size)``.
        batch_first: batch-major ``input`` and ``output`` (not the states).
        lengths: lengths of a right-padded batch; gives what the packed sequence gives.

    Returns:
        ``(output, (h_n, c_n))`` with ``output`` of ``D*H_out`` features.
    """
    return run_sequence("LSTM", lstm_cell, input, params, hx, batch_first, lengths)
