"""nnref.autodiff.backprop: the explicit backward pass of a two-layer network against autograd."""

import pytest
import torch
import torch.nn.functional as F
from hypothesis import given
from hypothesis import strategies as st

from nnref.autodiff.backprop import (
    ACTIVATIONS,
    LOSSES,
    activate,
    activation_derivative,
    backprop,
    softmax,
)

TORCH_ACTIVATIONS = {"tanh": torch.tanh, "sigmoid": torch.sigmoid, "relu": torch.relu}
F64 = torch.float64


@pytest.fixture(autouse=True, scope="module")
def one_thread():
    old = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(old)


def _network(batch, n_in, n_hidden, n_out, seed=0):
    generator = torch.Generator().manual_seed(seed)
    x = torch.randn(batch, n_in, dtype=F64, generator=generator)
    params = [
        torch.randn(n_hidden, n_in, dtype=F64, generator=generator),
        torch.randn(n_hidden, dtype=F64, generator=generator),
        torch.randn(n_out, n_hidden, dtype=F64, generator=generator),
        torch.randn(n_out, dtype=F64, generator=generator),
    ]
    return x, params, generator


def _target(loss, batch, n_out, generator):
    if loss == "mse":
        return torch.randn(batch, n_out, dtype=F64, generator=generator)
    return torch.randint(0, n_out, (batch,), generator=generator)


def _autograd(x, target, params, activation, loss):
    """Loss, parameter gradients and dL/dz1, dL/dz2 by autograd, from torch's own functions."""
    w1, b1, w2, b2 = (p.clone().requires_grad_() for p in params)
    z1 = F.linear(x, w1, b1)
    z1.retain_grad()
    z2 = F.linear(TORCH_ACTIVATIONS[activation](z1), w2, b2)
    z2.retain_grad()
    value = F.mse_loss(z2, target) if loss == "mse" else F.cross_entropy(z2, target)
    value.backward()
    grads = {"w1": w1.grad, "b1": b1.grad, "w2": w2.grad, "b2": b2.grad}
    return value, grads, z1.grad, z2.grad, z2


@pytest.mark.parametrize("activation", ACTIVATIONS)
@pytest.mark.parametrize("loss", LOSSES)
@pytest.mark.parametrize("shape", [(1, 2, 3, 2), (5, 3, 4, 2), (7, 4, 6, 3)], ids=str)
def test_every_gradient_equals_autograd(activation, loss, shape):
    batch, _, _, n_out = shape
    x, params, generator = _network(*shape)
    target = _target(loss, batch, n_out, generator)
    ours = backprop(x, target, *params, activation=activation, loss=loss)
    value, grads, dz1, dz2, z2 = _autograd(x, target, params, activation, loss)
    torch.testing.assert_close(ours.loss, value.detach())
    torch.testing.assert_close(ours.z2, z2.detach())
    for name, grad in grads.items():
        torch.testing.assert_close(ours.gradients()[name], grad, msg=name)
    # the deltas are per-example derivatives: autograd's dL/dz carries the 1/B of the mean
    torch.testing.assert_close(ours.delta2 / batch, dz2)
    torch.testing.assert_close(ours.delta1 / batch, dz1)


def test_shapes_of_every_value():
    x, params, generator = _network(5, 3, 4, 2)
    run = backprop(x, _target("mse", 5, 2, generator), *params)
    shapes = {name: tuple(getattr(run, name).shape) for name in run.__dataclass_fields__}
    assert shapes == {
        "z1": (5, 4),
        "h": (5, 4),
        "z2": (5, 2),
        "loss": (),
        "delta2": (5, 2),
        "delta1": (5, 4),
        "grad_w1": (4, 3),
        "grad_b1": (4,),
        "grad_w2": (2, 4),
        "grad_b2": (2,),
    }


@given(
    batch=st.integers(1, 6),
    n_in=st.integers(1, 5),
    n_hidden=st.integers(1, 6),
    n_out=st.integers(1, 4),
    activation=st.sampled_from(ACTIVATIONS),
    loss=st.sampled_from(LOSSES),
)
def test_random_widths_and_batches(batch, n_in, n_hidden, n_out, activation, loss):
    x, params, generator = _network(batch, n_in, n_hidden, n_out, seed=batch * 31 + n_hidden)
    target = _target(loss, batch, n_out, generator)
    ours = backprop(x, target, *params, activation=activation, loss=loss)
    _, grads, *_ = _autograd(x, target, params, activation, loss)
    for name, grad in grads.items():
        assert ours.gradients()[name].shape == grad.shape
        torch.testing.assert_close(ours.gradients()[name], grad, msg=name)


def test_probability_targets_match_cross_entropy_with_soft_labels():
    x, params, generator = _network(4, 3, 5, 3)
    target = torch.softmax(torch.randn(4, 3, dtype=F64, generator=generator), dim=1)
    ours = backprop(x, target, *params, loss="cross_entropy")
    w1, b1, w2, b2 = (p.clone().requires_grad_() for p in params)
    value = F.cross_entropy(F.linear(torch.tanh(F.linear(x, w1, b1)), w2, b2), target)
    value.backward()
    torch.testing.assert_close(ours.loss, value.detach())
    for ours_grad, grad in zip(ours.gradients().values(), (w1, b1, w2, b2), strict=True):
        torch.testing.assert_close(ours_grad, grad.grad)


def test_cross_entropy_delta_is_softmax_minus_one_hot():
    x, params, _ = _network(3, 2, 3, 4)
    labels = torch.tensor([0, 3, 1])
    run = backprop(x, labels, *params, loss="cross_entropy")
    one_hot = F.one_hot(labels, 4).to(F64)
    torch.testing.assert_close(run.delta2, torch.softmax(run.z2, dim=1) - one_hot)
    torch.testing.assert_close(run.grad_w2, run.delta2.T @ run.h / 3)
    torch.testing.assert_close(run.delta1, (run.delta2 @ params[2]) * (1 - run.h**2))


@pytest.mark.parametrize("name", ACTIVATIONS)
def test_activation_and_its_derivative_equal_torch(name):
    z = torch.linspace(-4, 4, 41, dtype=F64).requires_grad_()
    expected = TORCH_ACTIVATIONS[name](z)
    (slope,) = torch.autograd.grad(expected.sum(), z)
    h = activate(name, z.detach())
    torch.testing.assert_close(h, expected.detach())
    torch.testing.assert_close(activation_derivative(name, z.detach(), h), slope)


def test_softmax_is_stable_and_equals_torch():
    z = torch.tensor([[1000.0, 1001.0, 999.0], [-5.0, 0.0, 5.0]], dtype=F64)
    torch.testing.assert_close(softmax(z), torch.softmax(z, dim=1))


def test_the_numbers_of_the_page():
    # docs/en/foundations/backpropagation.md: the 2-3-2 network of backprop-by-hand
    x = torch.tensor([[1.0, 2.0]], dtype=F64)
    w1 = torch.tensor([[0.1, 0.2], [-0.3, 0.1], [0.2, -0.1]], dtype=F64)
    b1 = torch.tensor([0.0, 0.2, -0.1], dtype=F64)
    w2 = torch.tensor([[0.3, -0.2, 0.1], [0.2, 0.1, -0.3]], dtype=F64)
    b2 = torch.tensor([0.1, -0.1], dtype=F64)
    mse = backprop(x, torch.tensor([[1.0, 0.0]], dtype=F64), w1, b1, w2, b2)
    torch.testing.assert_close(mse.z1[0], torch.tensor([0.5, 0.1, -0.1], dtype=F64))
    assert round(mse.loss.item(), 4) == 0.3136
    assert [round(v, 4) for v in mse.delta2[0].tolist()] == [-0.7913, 0.0323]
    assert [round(v, 4) for v in mse.delta1[0].tolist()] == [-0.1816, 0.1599, -0.0879]
    ce = backprop(x, torch.tensor([0]), w1, b1, w2, b2, loss="cross_entropy")
    assert round(ce.loss.item(), 4) == 0.6088
    assert [round(v, 4) for v in ce.delta2[0].tolist()] == [-0.456, 0.456]


@pytest.mark.parametrize(
    ("change", "error", "match"),
    [
        ({"activation": "gelu"}, ValueError, "activation"),
        ({"loss": "hinge"}, ValueError, "loss"),
        ({"x": torch.ones(3, 2, dtype=torch.int64)}, TypeError, "x"),
        ({"x": [[1.0, 2.0]]}, TypeError, "x"),
        ({"x": torch.ones(2, dtype=F64)}, ValueError, "x must be 2-D"),
        ({"x": torch.ones(3, 5, dtype=F64)}, ValueError, "n_in=2"),
        ({"b1": torch.ones(2, dtype=F64)}, ValueError, "b1"),
        ({"w2": torch.ones(2, 4, dtype=F64)}, ValueError, "w2"),
        ({"b2": torch.ones(3, dtype=F64)}, ValueError, "b2"),
        ({"target": torch.ones(3, 3, dtype=F64)}, ValueError, "target"),
        ({"loss": "cross_entropy", "target": torch.tensor([0.0, 1.0, 1.0])}, TypeError, "int64"),
        ({"loss": "cross_entropy", "target": torch.tensor([0, 2, 1])}, ValueError, "target"),
        ({"loss": "cross_entropy", "target": torch.tensor([0, 1])}, ValueError, "target"),
    ],
)
def test_bad_arguments_raise(change, error, match):
    args = {
        "x": torch.ones(3, 2, dtype=F64),
        "target": torch.ones(3, 2, dtype=F64),
        "w1": torch.ones(3, 2, dtype=F64),
        "b1": torch.ones(3, dtype=F64),
        "w2": torch.ones(2, 3, dtype=F64),
        "b2": torch.ones(2, dtype=F64),
    }
    options = {"activation": "tanh", "loss": "mse"}
    for key, value in change.items():
        (options if key in options else args)[key] = value
    with pytest.raises(error, match=match):
        backprop(**args, **options)


@pytest.mark.parametrize(("input_needs_grad", "backward_flops"), [(False, 960), (True, 1344)])
def test_backward_costs_twice_the_forward_matmuls(input_needs_grad, backward_flops):
    # snippets/foundations/backprop-cost.py prints these numbers from the layer shapes;
    # torch's own FLOP counter measures the same matrix products.
    from torch.utils.flop_counter import FlopCounterMode

    torch.manual_seed(0)
    model = torch.nn.Sequential(
        torch.nn.Linear(4, 6), torch.nn.Tanh(), torch.nn.Linear(6, 3)
    ).double()
    x = torch.randn(8, 4, dtype=F64, requires_grad=input_needs_grad)
    y = torch.randn(8, 3, dtype=F64)
    with FlopCounterMode(display=False) as forward:
        loss = F.mse_loss(model(x), y)
    with FlopCounterMode(display=False) as backward:
        loss.backward()
    assert forward.get_total_flops() == 672
    assert backward.get_total_flops() == backward_flops
