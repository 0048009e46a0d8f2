"""BPTT by hand equals autograd through nn.RNN; gradient clipping equals torch.nn.utils."""

import math

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import nn

from nnref.training import clipping
from nnref.training.bptt import rnn_bptt, rnn_forward, state_jacobian


@pytest.fixture(autouse=True, scope="module")
def one_thread():
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


def _weights(rnn):
    p = dict(rnn.named_parameters())
    return [p["weight_ih_l0"], p["weight_hh_l0"], p["bias_ih_l0"], p["bias_hh_l0"]]


@settings(max_examples=30)
@given(
    steps=st.integers(1, 8),
    batch=st.integers(1, 3),
    input_size=st.integers(1, 4),
    hidden=st.integers(1, 5),
    with_h_n=st.booleans(),
    seed=st.integers(0, 1000),
)
def test_bptt_equals_autograd_through_nn_rnn(steps, batch, input_size, hidden, with_h_n, seed):
    torch.manual_seed(seed)
    rnn = nn.RNN(input_size, hidden).double()
    x = torch.randn(steps, batch, input_size, dtype=torch.float64, requires_grad=True)
    h0 = torch.randn(1, batch, hidden, dtype=torch.float64, requires_grad=True)
    output, h_n = rnn(x, h0)
    grad_output = torch.randn_like(output)
    grad_h_n = torch.randn_like(h_n) if with_h_n else torch.zeros_like(h_n)
    torch.autograd.backward([output, h_n], [grad_output, grad_h_n])
    weights = _weights(rnn)
    with torch.no_grad():
        torch.testing.assert_close(rnn_forward(x, h0[0], *weights), output)
    grads = rnn_bptt(
        x.detach(), h0[0].detach(), *weights, grad_output, grad_h_n[0] if with_h_n else None
    )
    torch.testing.assert_close(grads.input, x.grad)
    torch.testing.assert_close(grads.h0, h0.grad[0])
    for ours, param in zip(
        (grads.weight_ih, grads.weight_hh, grads.bias_ih, grads.bias_hh), weights, strict=True
    ):
        torch.testing.assert_close(ours, param.grad)


@pytest.mark.parametrize("k", [0, 3, 6])
def test_state_jacobian_is_the_product(k):
    torch.manual_seed(0)
    rnn = nn.RNN(2, 4).double()
    weights = [w.detach() for w in _weights(rnn)]
    x = torch.randn(6, 1, 2, dtype=torch.float64)
    h0 = torch.randn(1, 4, dtype=torch.float64)
    states = torch.cat([h0, rnn_forward(x, h0, *weights)[:, 0]])

    def last(h_k):
        return rnn_forward(x[k:], h_k.view(1, 4), *weights)[-1, 0] if k < 6 else h_k

    expected = torch.autograd.functional.jacobian(last, states[k])
    torch.testing.assert_close(state_jacobian(states, weights[1], k), expected)


def test_state_jacobian_norm_bound():
    torch.manual_seed(0)
    w_hh = nn.init.orthogonal_(torch.empty(5, 5, dtype=torch.float64), gain=0.9)
    states = torch.tanh(torch.randn(11, 5, dtype=torch.float64))
    norm = torch.linalg.matrix_norm(state_jacobian(states, w_hh, 0), ord=2)
    assert norm <= 0.9**10 + 1e-12


def test_gradient_vanishes_below_and_explodes_above_one_in_the_linear_regime():
    from nnref.figures.training_methods import rnn_state_gradient_norms

    for radius in (0.8, 1.2):
        norms = rnn_state_gradient_norms(radius, 1e-5)
        ratio = norms[0] / norms[-1]
        assert ratio == pytest.approx(radius ** (len(norms) - 1), rel=0.1)
    saturated = rnn_state_gradient_norms(1.2, 1.0)
    assert saturated[0] < saturated[-1]


def test_bptt_errors():
    w_ih, w_hh, b = torch.zeros(3, 2), torch.zeros(3, 3), torch.zeros(3)
    with pytest.raises(ValueError, match="x must be"):
        rnn_forward(torch.zeros(4, 2), torch.zeros(1, 3), w_ih, w_hh, b, b)
    with pytest.raises(ValueError, match="weight_ih"):
        rnn_forward(torch.zeros(4, 1, 5), torch.zeros(1, 3), w_ih, w_hh, b, b)
    with pytest.raises(ValueError, match="h0"):
        rnn_forward(torch.zeros(4, 1, 2), torch.zeros(2, 3), w_ih, w_hh, b, b)
    with pytest.raises(ValueError, match="k must be"):
        state_jacobian(torch.zeros(4, 3), w_hh, 5)


def _model_with_grads(seed, scale):
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(3, 5), nn.Tanh(), nn.Linear(5, 2))
    (scale * model(torch.randn(4, 3)).sum()).backward()
    return model


@pytest.mark.parametrize("norm_type", [2.0, 1.0, 3.0, math.inf, 0.5])
@pytest.mark.parametrize("max_norm", [0.1, 1.0, 1e6])
def test_clip_grad_norm_equals_torch(norm_type, max_norm):
    ours, theirs = _model_with_grads(0, 10.0), _model_with_grads(0, 10.0)
    total = clipping.clip_grad_norm_(ours.parameters(), max_norm, norm_type)
    expected = nn.utils.clip_grad_norm_(theirs.parameters(), max_norm, norm_type)
    torch.testing.assert_close(total, expected)
    for p, q in zip(ours.parameters(), theirs.parameters(), strict=True):
        torch.testing.assert_close(p.grad, q.grad)


@settings(max_examples=25)
@given(
    sizes=st.lists(st.integers(1, 6), min_size=1, max_size=4),
    norm_type=st.sampled_from([1.0, 2.0, 2.5, math.inf, -math.inf, 0.0]),
    seed=st.integers(0, 1000),
)
def test_total_norm_equals_get_total_norm(sizes, norm_type, seed):
    generator = torch.Generator().manual_seed(seed)
    tensors = [torch.randn(n, generator=generator) for n in sizes]
    torch.testing.assert_close(
        clipping.total_norm(tensors, norm_type), nn.utils.get_total_norm(tensors, norm_type)
    )


def test_clip_coefficient_has_the_epsilon():
    p = nn.Parameter(torch.zeros(1, dtype=torch.float64))
    p.grad = torch.tensor([2.0], dtype=torch.float64)
    clipping.clip_grad_norm_([p], 1.0)
    assert p.grad.item() == 2.0 / (2.0 + 1e-6)
    q = nn.Parameter(torch.zeros(1, dtype=torch.float64))
    q.grad = torch.tensor([2.0], dtype=torch.float64)
    nn.utils.clip_grad_norm_([q], 1.0)
    assert q.grad.item() == p.grad.item()


def test_clip_grads_with_norm_and_value_equal_torch():
    ours, theirs = _model_with_grads(1, 5.0), _model_with_grads(1, 5.0)
    total = nn.utils.get_total_norm([p.grad for p in theirs.parameters()])
    clipping.clip_grads_with_norm_(list(ours.parameters()), 0.3, total)
    nn.utils.clip_grads_with_norm_(list(theirs.parameters()), 0.3, total)
    for p, q in zip(ours.parameters(), theirs.parameters(), strict=True):
        torch.testing.assert_close(p.grad, q.grad)
    ours, theirs = _model_with_grads(2, 5.0), _model_with_grads(2, 5.0)
    clipping.clip_grad_value_(ours.parameters(), 0.5)
    nn.utils.clip_grad_value_(theirs.parameters(), 0.5)
    for p, q in zip(ours.parameters(), theirs.parameters(), strict=True):
        torch.testing.assert_close(p.grad, q.grad)
        assert p.grad.abs().max() <= 0.5


def test_parameters_without_grad_and_empty():
    model, copy_model = _model_with_grads(0, 1.0), _model_with_grads(0, 1.0)
    model[0].weight.grad = copy_model[0].weight.grad = None
    a = clipping.clip_grad_norm_(model.parameters(), 0.1)
    b = nn.utils.clip_grad_norm_(copy_model.parameters(), 0.1)
    torch.testing.assert_close(a, b)
    assert clipping.total_norm([]).item() == 0.0


def test_nonfinite_norm():
    p = nn.Parameter(torch.zeros(2))
    p.grad = torch.tensor([math.inf, 1.0])
    with pytest.raises(RuntimeError, match="non-finite"):
        clipping.clip_grad_norm_([p], 1.0, error_if_nonfinite=True)
    with pytest.raises(RuntimeError, match="non-finite"):
        nn.utils.clip_grad_norm_([p], 1.0, error_if_nonfinite=True)
    with pytest.raises(TypeError, match=r"parameters\[0\]"):
        clipping.clip_grad_norm_([1.0], 1.0)


def test_truncated_bptt_stops_at_the_detached_state():
    torch.manual_seed(0)
    rnn = nn.RNN(1, 3)
    x = torch.randn(10, 1, 1, requires_grad=True)
    _, h = rnn(x[:5])
    out, _ = rnn(x[5:], h.detach())
    out.sum().backward()
    assert torch.all(x.grad[:5] == 0) and torch.all(x.grad[5:] != 0)
