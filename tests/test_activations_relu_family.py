"""The ReLU family from scratch (nnref.activations.relu, leaky_relu, elu) against torch.

Values and gradients on random tensors, torch's exact subgradient at every kink, gradcheck in
float64, NaN and infinity, in-place behaviour, RReLU's random slopes reproduced from the seed,
shapes over random configurations, and bad arguments.
"""

import math

import pytest
import torch
import torch.nn.functional as F
from hypothesis import given
from hypothesis import strategies as st
from torch import nn

from nnref.activations.elu import (
    SELU_ALPHA,
    SELU_SCALE,
    celu,
    celu_derivative,
    elu,
    elu_derivative,
    selu,
    selu_derivative,
)
from nnref.activations.leaky_relu import (
    leaky_relu,
    leaky_relu_derivative,
    prelu,
    prelu_derivative,
    rrelu,
    rrelu_with_noise,
)
from nnref.activations.relu import (
    relu,
    relu6,
    relu6_derivative,
    relu_derivative,
    threshold,
    threshold_derivative,
)

# name -> (ours, torch's, our closed-form derivative), for elementwise functions of one tensor
ELEMENTWISE = {
    "relu": (relu, F.relu, relu_derivative),
    "relu6": (relu6, F.relu6, relu6_derivative),
    "threshold": (
        lambda x: threshold(x, 1.5, -2.0),
        lambda x: F.threshold(x, 1.5, -2.0),
        lambda x: threshold_derivative(x, 1.5),
    ),
    "leaky_relu": (leaky_relu, F.leaky_relu, leaky_relu_derivative),
    "leaky_relu_0.3": (
        lambda x: leaky_relu(x, 0.3),
        lambda x: F.leaky_relu(x, 0.3),
        lambda x: leaky_relu_derivative(x, 0.3),
    ),
    "leaky_relu_-0.5": (
        lambda x: leaky_relu(x, -0.5),
        lambda x: F.leaky_relu(x, -0.5),
        lambda x: leaky_relu_derivative(x, -0.5),
    ),
    "rrelu_eval": (rrelu, F.rrelu, lambda x: rrelu_with_noise(x)[1]),
    "elu": (elu, F.elu, elu_derivative),
    "elu_2": (lambda x: elu(x, 2.0), lambda x: F.elu(x, 2.0), lambda x: elu_derivative(x, 2.0)),
    "elu_0.5": (lambda x: elu(x, 0.5), lambda x: F.elu(x, 0.5), lambda x: elu_derivative(x, 0.5)),
    "celu": (celu, F.celu, celu_derivative),
    "celu_2": (lambda x: celu(x, 2.0), lambda x: F.celu(x, 2.0), lambda x: celu_derivative(x, 2.0)),
    "celu_0.3": (
        lambda x: celu(x, 0.3),
        lambda x: F.celu(x, 0.3),
        lambda x: celu_derivative(x, 0.3),
    ),
    "selu": (selu, F.selu, selu_derivative),
}

# the kinks of each function, where torch picks one subgradient
KINKS = {
    "relu": [0.0, -0.0],
    "relu6": [0.0, -0.0, 6.0],
    "threshold": [1.5],
    "leaky_relu": [0.0, -0.0],
    "leaky_relu_0.3": [0.0],
    "leaky_relu_-0.5": [0.0],
    "rrelu_eval": [0.0],
    "elu": [0.0],
    "elu_2": [0.0, -0.0],
    "elu_0.5": [0.0],
    "celu": [0.0],
    "celu_2": [0.0],
    "celu_0.3": [0.0],
    "selu": [0.0, -0.0],
}

# torch's derivative at x = 0 (or at the threshold), written out: the tests check that torch
# still picks these, and that nnref picks the same
DERIVATIVE_AT_KINK = {
    "relu": 0.0,
    "relu6": 0.0,
    "threshold": 0.0,
    "leaky_relu": 0.01,
    "leaky_relu_0.3": 0.3,
    "leaky_relu_-0.5": -0.5,
    "rrelu_eval": (1 / 8 + 1 / 3) / 2,
    "elu": 1.0,
    "elu_2": 2.0,
    "elu_0.5": 0.5,
    "celu": 1.0,
    "celu_2": 1.0,
    "celu_0.3": 1.0,
    "selu": SELU_SCALE * SELU_ALPHA,
}

# CELU alphas that float32 cannot represent: torch's backward rounds alpha to float32
TORCH_ROUNDS_ALPHA = {"celu_0.3"}


def _grad(function, x, upstream=None):
    x = x.detach().clone().requires_grad_()
    y = function(x)
    (grad,) = torch.autograd.grad(y, x, torch.ones_like(y) if upstream is None else upstream)
    return y.detach(), grad


def _random_input(shape, dtype, seed=0):
    """Values over [-8, 8], so that every branch (also ReLU6's saturation) is reached."""
    torch.manual_seed(seed)
    return 4 * torch.randn(shape, dtype=dtype)


# --------------------------------------------------------------------------------------------
# Values, gradients, kinks, gradcheck: every elementwise member
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64], ids=str)
@pytest.mark.parametrize("shape", [(), (7,), (3, 5), (2, 3, 4, 5)], ids=str)
@pytest.mark.parametrize("name", ELEMENTWISE)
def test_values_and_gradients_equal_torch(name, shape, dtype):
    ours, theirs, derivative = ELEMENTWISE[name]
    x = _random_input(shape, dtype)
    upstream = torch.randn(shape, dtype=dtype)
    y_ours, g_ours = _grad(ours, x, upstream)
    y_theirs, g_theirs = _grad(theirs, x, upstream)
    torch.testing.assert_close(y_ours, y_theirs)
    torch.testing.assert_close(g_ours, g_theirs)
    torch.testing.assert_close(derivative(x) * upstream, g_theirs)
    assert y_ours.dtype == y_theirs.dtype and y_ours.shape == y_theirs.shape


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64], ids=str)
@pytest.mark.parametrize("name", ELEMENTWISE)
def test_subgradient_at_the_kinks_is_torchs_exactly(name, dtype):
    ours, theirs, derivative = ELEMENTWISE[name]
    x = torch.tensor(KINKS[name], dtype=dtype)
    y_ours, g_ours = _grad(ours, x)
    y_theirs, g_theirs = _grad(theirs, x)
    torch.testing.assert_close(y_ours, y_theirs, rtol=0, atol=0)
    expected = torch.full_like(x, DERIVATIVE_AT_KINK[name])
    torch.testing.assert_close(g_ours, expected, rtol=0, atol=0)
    torch.testing.assert_close(derivative(x), expected, rtol=0, atol=0)
    if name in TORCH_ROUNDS_ALPHA and dtype == torch.float64:
        # torch's CELU backward uses 1 / float32(alpha): off by ~4e-8 for alpha = 0.3
        assert g_theirs.item() != 1.0
        torch.testing.assert_close(g_theirs, expected, rtol=1e-7, atol=0)
    else:
        torch.testing.assert_close(g_theirs, expected, rtol=0, atol=0)


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_gradcheck_float64_away_from_the_kinks(name):
    ours, _, _ = ELEMENTWISE[name]
    x = _random_input((4, 6), torch.float64, seed=3)
    for kink in KINKS[name]:  # keep every point at least 0.05 away from a kink
        near = (x - kink).abs() < 0.05
        x = torch.where(near, x + 0.1, x)
    assert torch.autograd.gradcheck(ours, (x.requires_grad_(),))


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_nan_and_infinities_propagate_like_torch(name):
    ours, theirs, _ = ELEMENTWISE[name]
    x = torch.tensor([math.nan, math.inf, -math.inf, 1e4, -1e4], dtype=torch.float64)
    torch.testing.assert_close(ours(x), theirs(x), equal_nan=True)


@pytest.mark.parametrize("name", ["elu", "elu_2", "celu_0.3", "selu"])
def test_no_nan_gradient_where_exp_would_overflow(name):
    ours, theirs, _ = ELEMENTWISE[name]
    x = torch.tensor([800.0, 1e30, -800.0], dtype=torch.float64)
    _, g_ours = _grad(ours, x)
    _, g_theirs = _grad(theirs, x)
    assert not g_ours.isnan().any()
    torch.testing.assert_close(g_ours, g_theirs)


@given(
    shape=st.lists(st.integers(0, 4), min_size=0, max_size=4),
    name=st.sampled_from(sorted(ELEMENTWISE)),
    scale=st.floats(0.1, 10.0),
)
def test_shapes_and_values_over_random_configurations(shape, name, scale):
    ours, theirs, _ = ELEMENTWISE[name]
    x = scale * torch.randn(shape, dtype=torch.float64)
    y_ours, y_theirs = ours(x), theirs(x)
    assert y_ours.shape == y_theirs.shape == x.shape
    torch.testing.assert_close(y_ours, y_theirs)


# --------------------------------------------------------------------------------------------
# ReLU, ReLU6, Threshold
# --------------------------------------------------------------------------------------------


@given(
    t=st.floats(-5, 5, allow_nan=False),
    value=st.floats(-10, 10, allow_nan=False),
    dtype=st.sampled_from([torch.float32, torch.float64]),
)
def test_threshold_over_random_thresholds_and_values(t, value, dtype):
    x = torch.linspace(-6, 6, 25, dtype=dtype)
    x = torch.cat([x, torch.tensor([t], dtype=dtype)])  # the threshold itself
    y_ours, g_ours = _grad(lambda v: threshold(v, t, value), x)
    y_theirs, g_theirs = _grad(lambda v: F.threshold(v, t, value), x)
    torch.testing.assert_close(y_ours, y_theirs, rtol=0, atol=0)
    torch.testing.assert_close(g_ours, g_theirs, rtol=0, atol=0)
    torch.testing.assert_close(threshold_derivative(x, t), g_theirs, rtol=0, atol=0)


@pytest.mark.parametrize("dtype", [torch.int64, torch.int32, torch.uint8], ids=str)
def test_relu_relu6_threshold_accept_integers_like_torch(dtype):
    x = torch.tensor([0, 1, 2, 3, 7, 9], dtype=dtype)
    if dtype != torch.uint8:
        x = x - 4
    for ours, theirs in [(relu, F.relu), (relu6, F.relu6)]:
        assert torch.equal(ours(x), theirs(x)) and ours(x).dtype == dtype
    # torch converts threshold and value to the integer dtype first: -0.5 -> 0, 7.9 -> 7
    signed = [(-0.5, 7.9), (1.9, -3.0), (2, 5)]
    for t, value in signed if dtype != torch.uint8 else [(0.5, 7.9), (1.9, 3.0), (2, 5)]:
        ours, theirs = threshold(x, t, value), F.threshold(x, t, value)
        assert torch.equal(ours, theirs) and ours.dtype == dtype, (t, value, ours, theirs)


@pytest.mark.parametrize(
    ("dtype", "t", "value"),
    [
        (torch.uint8, -0.5, 1),
        (torch.uint8, 1, 255.5),
        (torch.int8, 1, 127.5),
        (torch.float32, 1e39, 0),
    ],
)
def test_threshold_refuses_numbers_the_dtype_cannot_hold_like_torch(dtype, t, value):
    x = torch.tensor([0, 1, 2], dtype=dtype)
    with pytest.raises(RuntimeError, match="without overflow"):
        F.threshold(x, t, value)
    with pytest.raises(ValueError, match=r"(threshold|value)=.* without overflow"):
        threshold(x, t, value)


def test_threshold_zero_zero_is_relu_and_relu6_is_a_clamped_hardtanh():
    x = torch.linspace(-8, 8, 33, dtype=torch.float64)
    assert torch.equal(F.threshold(x, 0.0, 0.0), F.relu(x))
    assert torch.equal(threshold(x, 0.0, 0.0), relu(x))
    assert isinstance(nn.ReLU6(), nn.Hardtanh)
    assert torch.equal(F.relu6(x), F.hardtanh(x, 0.0, 6.0))
    assert torch.equal(relu6(x), x.clamp(0, 6))


def test_clamp_passes_gradient_1_at_zero_but_relu_does_not():
    _, clamp_grad = _grad(lambda x: x.clamp(min=0), torch.zeros(1))
    _, relu_grad = _grad(torch.relu, torch.zeros(1))
    assert clamp_grad.item() == 1.0 and relu_grad.item() == 0.0


def test_relu6_saturates_where_the_input_reaches_6():
    x = torch.tensor([5.999, 6.0, 6.001, 100.0])
    _, grad = _grad(F.relu6, x)
    assert grad.tolist() == [1.0, 0.0, 0.0, 0.0]


def test_a_unit_negative_on_every_sample_gets_no_gradient_through_relu():
    torch.manual_seed(0)
    layer = nn.Linear(3, 4)
    with torch.no_grad():
        layer.bias[:2] = -100.0  # units 0 and 1: negative for every input below
    x = torch.randn(64, 3)
    (grad,) = torch.autograd.grad(relu(layer(x)).sum(), layer.weight)
    assert (grad[:2] == 0).all() and (grad[2:] != 0).any()
    (leaky,) = torch.autograd.grad(F.leaky_relu(layer(x)).sum(), layer.weight)
    assert (leaky[:2] != 0).all()


# --------------------------------------------------------------------------------------------
# In place
# --------------------------------------------------------------------------------------------

INPLACE = {
    "relu": (lambda x: relu(x, inplace=True), lambda x: F.relu(x, inplace=True)),
    "relu6": (lambda x: relu6(x, inplace=True), lambda x: F.relu6(x, inplace=True)),
    "threshold": (
        lambda x: threshold(x, 0.5, -1.0, inplace=True),
        lambda x: F.threshold(x, 0.5, -1.0, inplace=True),
    ),
    "leaky_relu": (
        lambda x: leaky_relu(x, 0.2, inplace=True),
        lambda x: F.leaky_relu(x, 0.2, inplace=True),
    ),
    "rrelu": (lambda x: rrelu(x, inplace=True), lambda x: F.rrelu(x, inplace=True)),
    "elu": (lambda x: elu(x, 2.0, inplace=True), lambda x: F.elu(x, 2.0, inplace=True)),
    "celu": (lambda x: celu(x, 0.5, inplace=True), lambda x: F.celu(x, 0.5, inplace=True)),
    "selu": (lambda x: selu(x, inplace=True), lambda x: F.selu(x, inplace=True)),
}


@pytest.mark.parametrize("name", INPLACE)
def test_inplace_overwrites_and_returns_the_input_like_torch(name):
    ours, theirs = INPLACE[name]
    x = _random_input((3, 4), torch.float64)
    a, b = x.clone(), x.clone()
    assert ours(a) is a and theirs(b) is b
    torch.testing.assert_close(a, b)
    assert not torch.equal(a, x)


@pytest.mark.parametrize("name", INPLACE)
def test_inplace_gradient_after_a_linear_layer_equals_torchs(name):
    ours, theirs = INPLACE[name]
    x = _random_input((5, 3), torch.float64, seed=2)
    weight = torch.randn(4, 3, dtype=torch.float64)
    grads = []
    for function in (ours, theirs):
        w = weight.clone().requires_grad_()
        function(x @ w.T).pow(2).sum().backward()
        grads.append(w.grad)
    torch.testing.assert_close(*grads)


@pytest.mark.parametrize("name", INPLACE)
def test_inplace_on_a_leaf_that_requires_grad_fails_like_torch(name):
    ours, theirs = INPLACE[name]
    for function in (ours, theirs):
        x = torch.randn(3, requires_grad=True)
        with pytest.raises(RuntimeError, match="leaf Variable that requires grad"):
            function(x)


@pytest.mark.parametrize("name", INPLACE)
def test_inplace_on_a_saved_sigmoid_output_fails_in_backward_like_torch(name):
    ours, theirs = INPLACE[name]
    for function in (ours, theirs):
        x = torch.randn(3, requires_grad=True)
        y = function(torch.sigmoid(x))
        with pytest.raises(RuntimeError, match="modified by an inplace operation"):
            y.sum().backward()


def test_inplace_relu_in_a_residual_sum_changes_the_skip_connection():
    x = torch.tensor([-1.0, 2.0])
    assert (x.clone() + F.relu(x.clone())).tolist() == [-1.0, 4.0]
    assert (x + F.relu(x, inplace=True)).tolist() == [0.0, 4.0]  # x was rectified first
    y = torch.tensor([-1.0, 2.0])
    assert (y + relu(y, inplace=True)).tolist() == [0.0, 4.0]


def test_rrelu_inplace_in_training_draws_the_same_slopes_as_torch():
    x = _random_input((4, 5), torch.float64)
    a, b = x.clone(), x.clone()
    torch.manual_seed(3)
    assert rrelu(a, training=True, inplace=True) is a
    torch.manual_seed(3)
    assert F.rrelu(b, training=True, inplace=True) is b
    torch.testing.assert_close(a, b, rtol=0, atol=0)


@pytest.mark.parametrize(
    ("function", "argument"),
    [(F.leaky_relu, -0.5), (F.elu, -0.5)],
    ids=["leaky_relu", "elu"],
)
def test_torch_refuses_the_inplace_backward_with_a_negative_slope(function, argument):
    x = torch.randn(4, requires_grad=True)
    y = function(x * 1.0, argument, inplace=True)
    with pytest.raises(RuntimeError, match="negative slope"):
        y.sum().backward()
    function(x * 1.0, argument).sum().backward()  # the out-of-place version is fine


# --------------------------------------------------------------------------------------------
# LeakyReLU
# --------------------------------------------------------------------------------------------


def test_leaky_relu_defaults_and_the_max_formula_only_for_slopes_up_to_1():
    assert nn.LeakyReLU().negative_slope == 0.01
    x = torch.linspace(-3, 3, 13, dtype=torch.float64)
    assert torch.equal(leaky_relu(x, 0.3), torch.maximum(0.3 * x, x))
    # max(a x, x) is a different function once a > 1: it picks a x for x > 0
    assert not torch.equal(F.leaky_relu(x, 2.0), torch.maximum(2.0 * x, x))
    assert torch.equal(leaky_relu(x, 2.0), F.leaky_relu(x, 2.0))


# --------------------------------------------------------------------------------------------
# PReLU
# --------------------------------------------------------------------------------------------

PRELU_SHAPES = [(), (5,), (4, 3), (2, 3, 5), (2, 3, 4, 4), (1, 3, 2, 2, 2)]


PRELU_CASES = [(shape, shared) for shape in PRELU_SHAPES for shared in (True, False)]
PRELU_CASES = [(shape, shared) for shape, shared in PRELU_CASES if shared or len(shape) >= 2]


@pytest.mark.parametrize(("shape", "shared"), PRELU_CASES, ids=str)
def test_prelu_values_and_both_gradients_equal_torch(shape, shared):
    channels = shape[1] if len(shape) >= 2 else 1
    torch.manual_seed(0)
    x = torch.randn(shape, dtype=torch.float64)
    if x.numel():
        x.view(-1)[0] = 0.0  # the kink
    weight = torch.rand(1 if shared else channels, dtype=torch.float64) - 0.2
    upstream = torch.randn(shape, dtype=torch.float64)
    results = []
    for function in (prelu, F.prelu):
        xi, wi = x.clone().requires_grad_(), weight.clone().requires_grad_()
        y = function(xi, wi)
        grads = torch.autograd.grad(y, (xi, wi), upstream)
        results.append((y.detach(), *grads))
    for ours, theirs in zip(*results, strict=True):
        torch.testing.assert_close(ours, theirs)
    d_input, d_weight = prelu_derivative(x, weight)
    torch.testing.assert_close(d_input * upstream, results[1][1])
    reduce = tuple(d for d in range(x.dim()) if d != 1 or shared)
    weight_grad = (d_weight * upstream).sum(dim=reduce) if reduce else d_weight * upstream
    torch.testing.assert_close(weight_grad.reshape(-1), results[1][2])


def test_prelu_module_matches_and_the_kink_takes_the_slope():
    torch.manual_seed(0)
    module = nn.PReLU(3, init=0.1)
    assert module.weight.shape == (3,) and torch.equal(module.weight, torch.full((3,), 0.1))
    assert nn.PReLU().weight.item() == 0.25
    x = torch.zeros(2, 3, 4)
    x[0] = torch.randn(3, 4)
    torch.testing.assert_close(prelu(x, module.weight), module(x))
    zero = torch.zeros(1, 3, requires_grad=True)
    (grad,) = torch.autograd.grad(prelu(zero, module.weight).sum(), zero)
    slopes = module.weight.detach().expand(1, 3)
    assert torch.equal(grad, slopes)
    assert torch.equal(prelu_derivative(zero, module.weight)[0], slopes)


def test_prelu_gradcheck_float64_on_input_and_weight():
    torch.manual_seed(0)
    x = torch.randn(2, 3, 4, dtype=torch.float64)
    x = (x + 0.1 * x.sign()).requires_grad_()
    weight = torch.rand(3, dtype=torch.float64, requires_grad=True)
    assert torch.autograd.gradcheck(prelu, (x, weight))


def test_prelu_channel_axis_is_dimension_1_like_torch():
    weight = torch.full((3,), 0.25)
    for shape in [(3,), (3, 8), (2, 8, 8, 3)]:  # unbatched or channels-last: refused
        with pytest.raises(RuntimeError, match="channel size"):
            F.prelu(torch.randn(shape), weight)
        with pytest.raises(ValueError, match="weight has 3 elements"):
            prelu(torch.randn(shape), weight)
    assert prelu(torch.randn(2, 3, 8, 8), weight).shape == (2, 3, 8, 8)


def test_prelu_rejects_bad_weights():
    with pytest.raises(ValueError, match="scalar or 1-D"):
        prelu(torch.randn(2, 3), torch.full((1, 3), 0.25))
    with pytest.raises(RuntimeError, match="scalar or 1D"):
        F.prelu(torch.randn(2, 3), torch.full((1, 3), 0.25))
    with pytest.raises(ValueError, match="0-D input"):
        prelu(torch.tensor(1.0), torch.full((3,), 0.25))
    with pytest.raises(TypeError, match=r"weight must be a torch\.Tensor"):
        prelu(torch.randn(2, 3), 0.25)


def test_prelu_weight_decay_pulls_the_slope_to_zero():
    act = nn.PReLU()
    optimizer = torch.optim.SGD(act.parameters(), lr=0.1, weight_decay=0.1)
    x = torch.rand(16, 4)  # positive: the loss does not depend on the slope
    for _ in range(200):
        optimizer.zero_grad()
        act(x).sum().backward()
        optimizer.step()
    assert act.weight.item() == pytest.approx(0.25 * 0.99**200, rel=1e-4)


# --------------------------------------------------------------------------------------------
# RReLU
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("dtype", [torch.float64, torch.float32, torch.bfloat16], ids=str)
@pytest.mark.parametrize("bounds", [(1 / 8, 1 / 3), (0.05, 0.9), (0.3, 0.3)], ids=str)
@pytest.mark.parametrize("contiguous", [True, False], ids=["contiguous", "transposed"])
def test_rrelu_training_reproduces_torchs_random_slopes_exactly(dtype, bounds, contiguous):
    torch.manual_seed(1)
    x = torch.randn(6, 7, dtype=dtype)
    x = x if contiguous else x.t()
    x[0, :3] = 0.0
    results = []
    for function in (rrelu, F.rrelu):
        xi = x.clone().requires_grad_()
        torch.manual_seed(5)
        y = function(xi, *bounds, training=True)
        after = torch.rand(3)  # the generator has advanced by the same amount
        (grad,) = torch.autograd.grad(y.sum(), xi)
        results.append((y.detach(), grad, after))
    for ours, theirs in zip(*results, strict=True):
        torch.testing.assert_close(ours, theirs, rtol=0, atol=0)


def test_rrelu_training_slopes_are_uniform_in_the_bounds_and_eval_uses_their_mean():
    torch.manual_seed(0)
    x = -torch.rand(20_000, dtype=torch.float64) - 0.1
    output, noise = rrelu_with_noise(x, 0.1, 0.3, training=True)
    torch.testing.assert_close(output, x * noise, rtol=0, atol=0)
    assert noise.min() >= 0.1 and noise.max() < 0.3
    assert noise.mean().item() == pytest.approx(0.2, abs=0.002)
    assert noise.var().item() == pytest.approx(0.2**2 / 12, rel=0.05)
    positive = torch.rand(5, dtype=torch.float64) + 0.1
    assert torch.equal(
        rrelu_with_noise(positive, training=True)[1], torch.ones(5, dtype=torch.float64)
    )
    _, eval_noise = rrelu_with_noise(x, 0.1, 0.3, training=False)
    assert torch.equal(eval_noise, torch.full_like(x, (0.1 + 0.3) / 2))


def test_rrelu_generator_argument_and_module_modes():
    generator = torch.Generator().manual_seed(7)
    x = -torch.rand(10)
    ours = rrelu(x, training=True, generator=generator)
    torch.manual_seed(7)
    assert torch.equal(ours, F.rrelu(x, training=True))
    module = nn.RReLU()
    assert module.training and (module.lower, module.upper) == (1 / 8, 1 / 3)
    assert not torch.equal(module(x), module(x))
    module.eval()
    torch.testing.assert_close(module(x), rrelu(x), rtol=0, atol=0)


def test_rrelu_rejects_bad_bounds_like_torch():
    x = torch.randn(4)
    with pytest.raises(RuntimeError, match="Lower bound should be less than or equal"):
        F.rrelu(x, 0.5, 0.1)
    with pytest.raises(ValueError, match="lower must be <= upper"):
        rrelu(x, 0.5, 0.1)
    with pytest.raises(TypeError, match="lower must be a number"):
        rrelu(x, "0.1", 0.3)
    with pytest.raises(TypeError, match="training must be a bool"):
        rrelu(x, training=1)


# --------------------------------------------------------------------------------------------
# ELU, CELU, SELU
# --------------------------------------------------------------------------------------------


def test_celu_and_selu_are_rescaled_elus():
    x = torch.linspace(-8, 8, 161, dtype=torch.float64)
    torch.testing.assert_close(celu(x, 1.0), elu(x, 1.0))
    torch.testing.assert_close(F.celu(x), F.elu(x))
    for alpha in (0.3, 2.0, 5.0):
        torch.testing.assert_close(celu(x, alpha), alpha * elu(x / alpha))
        torch.testing.assert_close(F.celu(x, alpha), alpha * F.elu(x / alpha))
    torch.testing.assert_close(selu(x), SELU_SCALE * elu(x, SELU_ALPHA))
    torch.testing.assert_close(F.selu(x), SELU_SCALE * F.elu(x, SELU_ALPHA))


def test_selu_constants_are_torchs():
    big = torch.tensor([-1e4, 1.0], dtype=torch.float64)
    torch.testing.assert_close(
        F.selu(big), torch.tensor([-SELU_SCALE * SELU_ALPHA, SELU_SCALE], dtype=torch.float64)
    )
    assert SELU_SCALE == 1.0507009873554805 and SELU_ALPHA == 1.6732632423543772


def test_elu_kink_for_alpha_not_1_and_celu_is_smooth():
    # left and right derivatives at 0: ELU alpha and 1, CELU 1 and 1, SELU scale*alpha and scale
    left = torch.tensor([-1e-9], dtype=torch.float64)
    right = torch.tensor([1e-9], dtype=torch.float64)
    for function, expected in [
        (lambda x: F.elu(x, 2.0), (2.0, 1.0)),
        (lambda x: F.celu(x, 2.0), (1.0, 1.0)),
        (F.selu, (SELU_SCALE * SELU_ALPHA, SELU_SCALE)),
    ]:
        got = (_grad(function, left)[1].item(), _grad(function, right)[1].item())
        assert got == pytest.approx(expected, rel=1e-6)


def test_negative_alpha_equals_torch_celu_stays_monotonic_and_elu_does_not():
    x = torch.linspace(-6, 3, 91, dtype=torch.float64)
    for ours, theirs in [(elu, F.elu), (celu, F.celu)]:
        torch.testing.assert_close(ours(x, -0.5), theirs(x, -0.5))
        ours_grad = _grad(lambda t, f=ours: f(t, -0.5), x)[1]
        torch.testing.assert_close(ours_grad, _grad(lambda t, f=theirs: f(t, -0.5), x)[1])
    assert (celu_derivative(x, -0.5) > 0).all()  # e^(x / alpha) > 0: increasing for alpha < 0
    assert celu(torch.tensor([-30.0], dtype=torch.float64), -0.5).item() < -1e10  # unbounded
    assert (elu_derivative(x[x < 0], -0.5) < 0).all()  # alpha e^x < 0: ELU decreases there
    with pytest.raises(AssertionError):  # the rescaling identity needs alpha > 0
        torch.testing.assert_close(F.celu(x, -2.0), -2.0 * F.elu(x / -2.0))


def test_celu_rejects_alpha_zero_like_torch():
    with pytest.raises(RuntimeError, match="alpha cannot be 0"):
        F.celu(torch.randn(3), 0.0)
    with pytest.raises(ValueError, match="alpha cannot be 0"):
        celu(torch.randn(3), 0.0)
    with pytest.raises(ValueError, match="alpha cannot be 0"):
        celu_derivative(torch.randn(3), 0.0)


def test_selu_with_lecun_normal_init_keeps_mean_0_and_std_1_through_depth():
    torch.manual_seed(0)
    x = torch.randn(256, 64)
    stds = {}
    for lecun in (True, False):
        torch.manual_seed(0)
        h = x
        with torch.no_grad():
            for _ in range(24):
                linear = nn.Linear(64, 64)
                if lecun:
                    nn.init.kaiming_normal_(linear.weight, nonlinearity="linear")
                    nn.init.zeros_(linear.bias)
                h = selu(linear(h))
        stds[lecun] = h.std().item()
        if lecun:
            assert abs(h.mean().item()) < 0.1
    assert 0.85 < stds[True] < 1.15 and stds[False] < 0.5


# --------------------------------------------------------------------------------------------
# Bad arguments
# --------------------------------------------------------------------------------------------

ALL_FUNCTIONS = [relu, relu6, leaky_relu, rrelu, elu, celu, selu]


@pytest.mark.parametrize("function", ALL_FUNCTIONS, ids=lambda f: f.__name__)
def test_non_tensors_and_booleans_are_refused(function):
    with pytest.raises(TypeError, match=r"input must be a torch\.Tensor"):
        function([1.0, -1.0])
    with pytest.raises(TypeError, match="input"):
        function(torch.tensor([True, False]))
    with pytest.raises(TypeError, match="inplace must be a bool"):
        function(torch.randn(3), inplace="yes")


@pytest.mark.parametrize("function", [leaky_relu, elu, celu, selu, rrelu], ids=lambda f: f.__name__)
def test_integer_inputs_are_refused_like_torch(function):
    with pytest.raises(TypeError, match="floating-point"):
        function(torch.tensor([1, -2]))


def test_number_arguments_are_checked():
    x = torch.randn(3)
    with pytest.raises(TypeError, match="threshold must be a number"):
        threshold(x, "1", 0.0)
    with pytest.raises(TypeError, match="value must be a number"):
        threshold(x, 1.0, None)
    with pytest.raises(TypeError, match="negative_slope must be a number"):
        leaky_relu(x, "0.1")
    with pytest.raises(TypeError, match="alpha must be a number"):
        elu(x, alpha=True)
