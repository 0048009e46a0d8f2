"""Backpropagation through time (BPTT), written out for a one-layer tanh RNN.

The forward pass is torch's ``nn.RNN`` (``batch_first=False``) with its parameter layout:

    a_t = x_t W_ih^T + b_ih + h_{t-1} W_hh^T + b_hh,    h_t = tanh(a_t),    t = 1..T

``x_t`` is ``(N, input_size)``, ``h_t`` is ``(N, hidden_size)``, ``W_ih`` is
``(hidden_size, input_size)``, ``W_hh`` is ``(hidden_size, hidden_size)``. Given the gradients
``G_t = dL/dh_t`` that reach each output directly, the backward pass walks from ``t = T`` down
to ``1``:

    dh_t = G_t + da_{t+1} W_hh            (da_{T+1} = 0, or the gradient of h_n)
    da_t = dh_t * (1 - h_t^2)
    dW_hh = sum_t da_t^T h_{t-1}      dW_ih = sum_t da_t^T x_t      db = sum_t sum_n da_t

Every parameter's gradient is a sum over time steps of the same local formula.
"""

from dataclasses import dataclass

import torch

from nnref._checks import require_tensor


@dataclass
class RNNGradients:
    """The gradients of one BPTT pass (shapes as the tensors they belong to)."""

    input: torch.Tensor
    h0: torch.Tensor
    weight_ih: torch.Tensor
    weight_hh: torch.Tensor
    bias_ih: torch.Tensor
    bias_hh: torch.Tensor


def _check(
    x: torch.Tensor, h0: torch.Tensor, weight_ih: torch.Tensor, weight_hh: torch.Tensor
) -> None:
    for name, value in (("x", x), ("h0", h0), ("weight_ih", weight_ih), ("weight_hh", weight_hh)):
        require_tensor(name, value)
    if x.dim() != 3:
        raise ValueError(f"x must be (T, N, input_size), got shape {tuple(x.shape)}")
    hidden = weight_hh.size(0)
    if weight_hh.shape != (hidden, hidden):
        raise ValueError(f"weight_hh must be square, got shape {tuple(weight_hh.shape)}")
    if weight_ih.shape != (hidden, x.size(2)):
        raise ValueError(
            f"weight_ih must be (hidden_size, input_size) = {(hidden, x.size(2))}, "
            f"got {tuple(weight_ih.shape)}"
        )
    if h0.shape != (x.size(1), hidden):
        raise ValueError(
            f"h0 must be (N, hidden_size) = {(x.size(1), hidden)}, got {tuple(h0.shape)}"
        )


def rnn_forward(
    x: torch.Tensor,
    h0: torch.Tensor,
    weight_ih: torch.Tensor,
    weight_hh: torch.Tensor,
    bias_ih: torch.Tensor,
    bias_hh: torch.Tensor,
) -> torch.Tensor:
    """The hidden states ``h_1..h_T`` of the tanh RNN, shape ``(T, N, hidden_size)``."""
    _check(x, h0, weight_ih, weight_hh)
    states = []
    h = h0
    for x_t in x:
        h = torch.tanh(x_t @ weight_ih.T + bias_ih + h @ weight_hh.T + bias_hh)
        states.append(h)
    return torch.stack(states)


def rnn_bptt(
    x: torch.Tensor,
    h0: torch.Tensor,
    weight_ih: torch.Tensor,
    weight_hh: torch.Tensor,
    bias_ih: torch.Tensor,
    bias_hh: torch.Tensor,
    grad_output: torch.Tensor,
    grad_h_n: torch.Tensor | None = None,
) -> RNNGradients:
    """All gradients of a loss ``L`` by backpropagation through time, without autograd.

    Args:
        x: inputs ``(T, N, input_size)``.
        h0: initial state ``(N, hidden_size)``.
        weight_ih: torch's ``weight_ih_l0``, ``(hidden_size, input_size)``.
        weight_hh: torch's ``weight_hh_l0``, ``(hidden_size, hidden_size)``.
        bias_ih: torch's ``bias_ih_l0``, ``(hidden_size,)``.
        bias_hh: torch's ``bias_hh_l0``, ``(hidden_size,)``.
        grad_output: ``dL/dh_t`` for every output, ``(T, N, hidden_size)`` (what
            ``output.backward(grad_output)`` feeds in).
        grad_h_n: ``dL/dh_T`` through the final state ``h_n``, ``(N, hidden_size)``.

    Returns:
        The gradients with respect to the input, ``h0`` and the four parameters.
    """
    with torch.no_grad():
        h = rnn_forward(x, h0, weight_ih, weight_hh, bias_ih, bias_hh)
        previous = torch.cat([h0.unsqueeze(0), h[:-1]])
        grads = {
            "weight_ih": torch.zeros_like(weight_ih),
            "weight_hh": torch.zeros_like(weight_hh),
            "bias": torch.zeros_like(bias_hh),
        }
        grad_x = torch.zeros_like(x)
        carry = torch.zeros_like(h0) if grad_h_n is None else grad_h_n.clone()
        for t in reversed(range(x.size(0))):
            dh = grad_output[t] + carry
            da = dh * (1 - h[t] * h[t])
            grads["weight_hh"] += da.T @ previous[t]
            grads["weight_ih"] += da.T @ x[t]
            grads["bias"] += da.sum(0)
            grad_x[t] = da @ weight_ih
            carry = da @ weight_hh
        return RNNGradients(
            input=grad_x,
            h0=carry,
            weight_ih=grads["weight_ih"],
            weight_hh=grads["weight_hh"],
            bias_ih=grads["bias"],
            bias_hh=grads["bias"].clone(),
        )


def state_jacobian(states: torch.Tensor, weight_hh: torch.Tensor, k: int) -> torch.Tensor:
    """``dh_T/dh_k = prod_{j=T}^{k+1} diag(1 - h_j^2) W_hh`` for one sequence.

    Args:
        states: the hidden states ``h_0, h_1, ..., h_T`` of one sequence, ``(T + 1, H)``
            (row ``j`` is ``h_j``, row ``0`` the initial state).
        weight_hh: ``(H, H)``.
        k: the earlier time step, ``0 <= k <= T``.

    Returns:
        The ``(H, H)`` Jacobian; the identity for ``k = T``.
    """
    require_tensor("states", states)
    last = states.size(0) - 1
    if not 0 <= k <= last:
        raise ValueError(f"k must be in [0, {last}], got {k}")
    jacobian = torch.eye(weight_hh.size(0), dtype=weight_hh.dtype)
    for j in range(k + 1, last + 1):
        jacobian = (1 - states[j] ** 2).unsqueeze(1) * weight_hh @ jacobian
    return jacobian
