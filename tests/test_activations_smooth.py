"""nnref's GELU, SiLU, Hardswish, Mish, Softplus and GLU against torch.

Values, gradients (autograd through our formula) and the written-out derivatives equal torch's;
gradcheck passes in float64; at the special points (0, Hardswish's joints at +-3, Softplus'
threshold) the gradient is torch's exactly; large |x| gives no inf or NaN. The numbers the pages
quote (minima, the gap between the two GELU formulas) are recomputed here.
"""

import math

import pytest
import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import nn

from nnref.activations.gelu import gelu, gelu_derivative
from nnref.activations.glu import geglu, glu, glu_backward, split_halves, swiglu
from nnref.activations.silu import (
    hardswish,
    hardswish_derivative,
    mish,
    mish_derivative,
    silu,
    silu_derivative,
)
from nnref.activations.softplus import log1p_exp, logistic, softplus, softplus_derivative

# name -> (ours, our derivative, torch's functional), all taking (input) only
CASES = {
    "gelu": (gelu, gelu_derivative, F.gelu),
    "gelu-tanh": (
        lambda x: gelu(x, "tanh"),
        lambda x: gelu_derivative(x, "tanh"),
        lambda x: F.gelu(x, approximate="tanh"),
    ),
    "silu": (silu, silu_derivative, F.silu),
    "hardswish": (hardswish, hardswish_derivative, F.hardswish),
    "mish": (mish, mish_derivative, F.mish),
    "softplus": (softplus, softplus_derivative, F.softplus),
    "softplus-beta2-threshold5": (
        lambda x: softplus(x, 2.0, 5.0),
        lambda x: softplus_derivative(x, 2.0, 5.0),
        lambda x: F.softplus(x, 2.0, 5.0),
    ),
    "softplus-negative-beta": (
        lambda x: softplus(x, -1.5, 20.0),
        lambda x: softplus_derivative(x, -1.5, 20.0),
        lambda x: F.softplus(x, -1.5, 20.0),
    ),
}
MODULES = {
    "gelu": nn.GELU(),
    "gelu-tanh": nn.GELU(approximate="tanh"),
    "silu": nn.SiLU(),
    "hardswish": nn.Hardswish(),
    "mish": nn.Mish(),
    "softplus": nn.Softplus(),
    "softplus-beta2-threshold5": nn.Softplus(beta=2.0, threshold=5.0),
    "softplus-negative-beta": nn.Softplus(beta=-1.5),
}
# points where a function is not smooth: keep gradcheck's finite differences away from them
KINKS = {"hardswish": (-3.0, 3.0), "softplus-beta2-threshold5": (2.5,)}


def _grad(function, x, upstream=None):
    y = function(x)
    (grad,) = torch.autograd.grad(y, x, torch.ones_like(y) if upstream is None else upstream)
    return grad


@pytest.mark.parametrize("name", CASES)
@pytest.mark.parametrize("shape", [(), (7,), (3, 4), (2, 3, 4, 5)], ids=str)
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64], ids=["f32", "f64"])
def test_values_gradients_and_derivative_equal_torch(name, shape, dtype):
    ours, derivative, theirs = CASES[name]
    x = (4 * torch.randn(shape, generator=torch.Generator().manual_seed(3))).to(dtype)
    x.requires_grad_()
    torch.testing.assert_close(ours(x), theirs(x))
    torch.testing.assert_close(ours(x), MODULES[name](x))
    upstream = torch.randn(shape, generator=torch.Generator().manual_seed(4)).to(dtype)
    torch.testing.assert_close(_grad(ours, x, upstream), _grad(theirs, x, upstream))
    torch.testing.assert_close(derivative(x.detach()), _grad(theirs, x))
    assert ours(x).dtype == dtype and ours(x).shape == x.shape


@pytest.mark.parametrize("name", CASES)
def test_gradcheck_in_float64(name):
    ours, derivative, _ = CASES[name]
    x = 3 * torch.randn(30, dtype=torch.float64, generator=torch.Generator().manual_seed(5))
    for kink in KINKS.get(name, ()):
        x = torch.where((x - kink).abs() < 0.05, x + 0.1, x)
    x.requires_grad_()
    assert torch.autograd.gradcheck(ours, (x,))
    assert torch.autograd.gradcheck(derivative, (x,))  # the derivative itself is differentiable


@pytest.mark.parametrize("name", CASES)
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64], ids=["f32", "f64"])
def test_large_inputs_give_torchs_finite_values_and_gradients(name, dtype):
    ours, derivative, theirs = CASES[name]
    x = torch.tensor([-1e4, -1e3, -100.0, -30.0, 30.0, 100.0, 1e3, 1e4], dtype=dtype)
    x.requires_grad_()
    y, g = ours(x), _grad(ours, x)
    assert torch.isfinite(y).all() and torch.isfinite(g).all()
    torch.testing.assert_close(y, theirs(x))
    torch.testing.assert_close(g, _grad(theirs, x))
    torch.testing.assert_close(derivative(x.detach()), g)


def test_huge_inputs_match_torch_where_torch_is_finite():
    x = torch.tensor([-1e30, -1e15, 1e15, 1e30], requires_grad=True)
    for name in ("gelu", "silu", "mish", "softplus", "hardswish"):
        ours, _, theirs = CASES[name]
        torch.testing.assert_close(ours(x), theirs(x))
        torch.testing.assert_close(_grad(ours, x), _grad(theirs, x))


@pytest.mark.parametrize("name", CASES)
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64], ids=["f32", "f64"])
def test_gradient_at_zero_is_torchs_exactly(name, dtype):
    ours, derivative, theirs = CASES[name]
    x = torch.tensor([0.0, -0.0], dtype=dtype, requires_grad=True)
    expected = _grad(theirs, x)
    torch.testing.assert_close(_grad(ours, x), expected, rtol=0, atol=1e-15)
    torch.testing.assert_close(derivative(x.detach()), expected, rtol=0, atol=1e-15)
    torch.testing.assert_close(ours(x), theirs(x))  # 0, or log(2) / beta for Softplus


def test_known_derivatives_at_zero():
    zero = torch.zeros(1, dtype=torch.float64)
    for function in (gelu_derivative, silu_derivative, hardswish_derivative, softplus_derivative):
        assert function(zero).item() == 0.5
    assert gelu_derivative(zero, "tanh").item() == 0.5
    assert mish_derivative(zero).item() == pytest.approx(0.6, abs=1e-15)  # tanh(log 2) = 3/5


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64], ids=["f32", "f64"])
def test_hardswish_gradient_at_the_joints_is_torchs_exactly(dtype):
    x = torch.tensor([-3.0, 3.0, -3.0001, -2.9999, 2.9999, 3.0001], dtype=dtype)
    x.requires_grad_()
    expected = _grad(F.hardswish, x)
    torch.testing.assert_close(_grad(hardswish, x)[:2], expected[:2], rtol=0, atol=0)
    torch.testing.assert_close(_grad(hardswish, x), expected)
    torch.testing.assert_close(hardswish_derivative(x.detach()), expected)
    assert _grad(hardswish, x)[:2].tolist() == [0.0, 1.0]  # outer pieces' slopes
    torch.testing.assert_close(hardswish(x), F.hardswish(x), rtol=0, atol=0)
    # the one-sided slopes differ: Hardswish is continuous but not smooth at -3 and 3
    assert hardswish_derivative(x.detach())[3].item() == pytest.approx(-0.5, abs=1e-4)
    assert hardswish_derivative(x.detach())[4].item() == pytest.approx(1.5, abs=1e-4)


def test_hardswish_via_clamp_would_get_the_joint_gradients_wrong():
    """Why hardswish is written with torch.where: the clamp form passes -0.5 and 1.5."""
    x = torch.tensor([-3.0, 3.0], requires_grad=True)
    clamped = _grad(lambda t: t * torch.clamp(t + 3, 0, 6) / 6, x)
    assert clamped.tolist() == [-0.5, 1.5]
    assert _grad(hardswish, x).tolist() != clamped.tolist()


@pytest.mark.parametrize(
    ("beta", "threshold"), [(1.0, 20.0), (2.0, 20.0), (1.0, 1.0), (0.5, 5.0), (4.0, 2.0)]
)
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64], ids=["f32", "f64"])
def test_softplus_at_and_around_the_threshold(beta, threshold, dtype):
    at = threshold / beta  # beta * x == threshold exactly for these numbers
    x = torch.tensor([at, at * (1 - 1e-4), at * (1 + 1e-4), at + 1.0], dtype=dtype)
    x.requires_grad_()
    torch.testing.assert_close(softplus(x, beta, threshold), F.softplus(x, beta, threshold))
    ours = _grad(lambda t: softplus(t, beta, threshold), x)
    theirs = _grad(lambda t: F.softplus(t, beta, threshold), x)
    torch.testing.assert_close(ours, theirs)
    # at the threshold itself: the log branch (beta x > threshold is false), sigmoid(threshold)
    assert ours[0].item() == pytest.approx(1 / (1 + math.exp(-threshold)), rel=1e-6)
    # above it: x itself, gradient exactly 1
    assert torch.equal(softplus(x[2:], beta, threshold), x[2:].detach())
    assert ours[2:].tolist() == [1.0, 1.0]


def test_softplus_low_threshold_is_discontinuous_like_torch():
    x = torch.tensor([1.0, 1.0 + 1e-9], dtype=torch.float64)
    ours, theirs = softplus(x, 1.0, 1.0), F.softplus(x, 1.0, 1.0)
    torch.testing.assert_close(ours, theirs)
    jump = (ours[0] - ours[1]).item()
    assert jump == pytest.approx(math.log1p(math.e) - 1, abs=1e-8)  # 0.3133
    default_jump = F.softplus(torch.tensor(20.0, dtype=torch.float64)).item() - 20.0
    assert default_jump == pytest.approx(math.log1p(math.exp(-20)), rel=1e-6)  # 2.06e-9


def test_softplus_does_not_overflow_where_torch_does():
    """A documented difference: torch's log branch overflows when threshold is raised."""
    x = torch.tensor([50.0, 100.0], requires_grad=True)
    theirs = F.softplus(x, threshold=1000.0)
    (theirs_grad,) = torch.autograd.grad(theirs.sum(), x)
    assert theirs[1].item() == math.inf and math.isnan(theirs_grad[1].item())
    ours = softplus(x, threshold=1000.0)
    torch.testing.assert_close(ours, torch.logaddexp(x, torch.zeros_like(x)))
    assert _grad(lambda t: softplus(t, threshold=1000.0), x).tolist() == [1.0, 1.0]


def test_logistic_and_log1p_exp_are_stable_with_true_gradients_at_zero():
    x = torch.tensor([-1e4, -50.0, 0.0, 50.0, 1e4], dtype=torch.float64, requires_grad=True)
    torch.testing.assert_close(logistic(x), torch.sigmoid(x))
    torch.testing.assert_close(_grad(logistic, x), _grad(torch.sigmoid, x))
    torch.testing.assert_close(log1p_exp(x), torch.logaddexp(x, torch.zeros_like(x)))
    torch.testing.assert_close(_grad(log1p_exp, x), torch.sigmoid(x.detach()))
    assert _grad(logistic, x)[2].item() == 0.25 and _grad(log1p_exp, x)[2].item() == 0.5


def _root(function, low: float, high: float) -> float:
    """Bisection in float64 for a sign change of ``function`` on [low, high]."""
    f_low = function(torch.tensor(low, dtype=torch.float64)).item()
    for _ in range(200):
        middle = (low + high) / 2
        f_middle = function(torch.tensor(middle, dtype=torch.float64)).item()
        if (f_middle < 0) == (f_low < 0):
            low, f_low = middle, f_middle
        else:
            high = middle
    return (low + high) / 2


@pytest.mark.parametrize(
    ("name", "where", "value"),
    [
        ("gelu", -0.7518, -0.1700),
        ("gelu-tanh", -0.7525, -0.1700),
        ("silu", -1.2785, -0.2785),
        ("mish", -1.1924, -0.3088),
    ],
)
def test_the_minima_quoted_on_the_pages(name, where, value):
    ours, derivative, theirs = CASES[name]
    x_min = _root(derivative, -3.0, -0.1)  # the derivative crosses 0 once on the negative side
    y_min = ours(torch.tensor(x_min, dtype=torch.float64)).item()
    assert x_min == pytest.approx(where, abs=5e-5) and y_min == pytest.approx(value, abs=5e-5)
    grid = torch.linspace(-6, 6, 120_001, dtype=torch.float64)
    assert theirs(grid).min().item() >= y_min - 1e-9  # it is the global minimum
    if name == "silu":  # at the minimum sigma(x) = 1 + 1/x, so SiLU(x) = x + 1
        assert y_min == pytest.approx(x_min + 1, abs=1e-12)


def test_hardswish_minimum_and_gelu_gap_quoted_on_the_pages():
    grid = torch.linspace(-6, 6, 120_001, dtype=torch.float64)
    assert hardswish(grid).min().item() == -0.375
    assert grid[hardswish(grid).argmin()].item() == pytest.approx(-1.5)
    gap = gelu(grid) - gelu(grid, "tanh")
    assert gap.abs().max().item() == pytest.approx(4.73e-4, abs=5e-7)
    assert grid[gap.abs().argmax()].abs().item() == pytest.approx(2.70, abs=0.01)
    # the tanh formula is below the exact one for 0 < |x| < 1.88 and above it beyond
    assert (gap[(grid.abs() > 1e-3) & (grid.abs() < 1.88)] > 0).all()
    assert (gap[grid.abs() > 1.89] < 0).all()
    assert gap.max().item() == pytest.approx(2.3e-4, abs=1e-5)


@settings(max_examples=40)
@given(
    shape=st.lists(st.integers(1, 4), min_size=0, max_size=4),
    name=st.sampled_from(sorted(CASES)),
)
def test_elementwise_output_shape_is_the_input_shape(shape, name):
    ours, _, theirs = CASES[name]
    x = torch.randn(shape)
    assert ours(x).shape == theirs(x).shape == x.shape


# ------------------------------------------------------------------------------------------- GLU


@pytest.mark.parametrize(("shape", "dim"), [((6,), 0), ((3, 4), -1), ((4, 3), 0), ((2, 4, 6), 1)])
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64], ids=["f32", "f64"])
def test_glu_values_gradients_and_backward_equal_torch(shape, dim, dtype):
    x = (3 * torch.randn(shape, generator=torch.Generator().manual_seed(8))).to(dtype)
    x.requires_grad_()
    torch.testing.assert_close(glu(x, dim), F.glu(x, dim))
    torch.testing.assert_close(glu(x, dim), nn.GLU(dim)(x))
    upstream = torch.randn_like(F.glu(x, dim))
    expected = _grad(lambda t: F.glu(t, dim), x, upstream)
    torch.testing.assert_close(_grad(lambda t: glu(t, dim), x, upstream), expected)
    torch.testing.assert_close(glu_backward(upstream, x.detach(), dim), expected)
    torch.testing.assert_close(
        glu_backward(upstream, x.detach(), dim),
        torch.ops.aten.glu_backward(upstream, x.detach(), dim),
    )


def test_glu_gradcheck_and_large_gates():
    x = torch.randn(4, 6, dtype=torch.float64, requires_grad=True)
    assert torch.autograd.gradcheck(glu, (x, 0))
    assert torch.autograd.gradcheck(glu, (x, 1))
    big = torch.tensor([[1.0, -2.0, 1e4, -1e4]], dtype=torch.float64, requires_grad=True)
    torch.testing.assert_close(glu(big), F.glu(big))
    torch.testing.assert_close(_grad(glu, big), _grad(F.glu, big))
    assert glu(big).tolist() == [[1.0, -0.0]]
    zero_gate = torch.tensor([3.0, 0.0], dtype=torch.float64, requires_grad=True)
    assert _grad(glu, zero_gate).tolist() == [0.5, 0.75]  # sigma(0), a sigma'(0) = 3/4


@settings(max_examples=40)
@given(
    shape=st.lists(st.integers(1, 4), min_size=1, max_size=4),
    data=st.data(),
)
def test_glu_output_shape_halves_dim(shape, data):
    dim = data.draw(st.integers(-len(shape), len(shape) - 1))
    shape[dim] *= 2
    x = torch.randn(shape)
    expected = list(shape)
    expected[dim] //= 2
    assert list(glu(x, dim).shape) == list(F.glu(x, dim).shape) == expected


@settings(max_examples=30)
@given(shape=st.lists(st.integers(1, 5), min_size=1, max_size=3), data=st.data())
def test_glu_odd_size_raises_like_torch(shape, data):
    dim = data.draw(st.integers(-len(shape), len(shape) - 1))
    shape[dim] = 2 * shape[dim] - 1  # odd
    x = torch.randn(shape)
    with pytest.raises(RuntimeError, match="Halving dimension must be even"):
        F.glu(x, dim)
    with pytest.raises(ValueError, match=r"dim=.*must be even"):
        glu(x, dim)


def test_geglu_and_swiglu_gate_the_first_half_by_the_second():
    x = torch.randn(4, 8, dtype=torch.float64, requires_grad=True)
    a, b = x.chunk(2, dim=-1)
    torch.testing.assert_close(geglu(x), a * F.gelu(b))
    torch.testing.assert_close(geglu(x, approximate="tanh"), a * F.gelu(b, approximate="tanh"))
    torch.testing.assert_close(swiglu(x), a * F.silu(b))
    torch.testing.assert_close(geglu(x, dim=0), x[:2] * F.gelu(x[2:]))
    assert torch.autograd.gradcheck(swiglu, (x,)) and torch.autograd.gradcheck(geglu, (x,))


def test_glu_rejects_bad_arguments():
    with pytest.raises(ValueError, match="scalar"):
        glu(torch.tensor(1.0))
    with pytest.raises(ValueError, match="dim out of range"):
        glu(torch.randn(4, 2), 2)
    with pytest.raises(ValueError, match="dim out of range"):
        glu(torch.randn(4, 2), -3)
    with pytest.raises(TypeError, match="dim must be an int"):
        glu(torch.randn(4, 2), 1.0)
    with pytest.raises(TypeError, match="dim must be an int"):
        split_halves(torch.randn(4, 2), True)
    with pytest.raises(TypeError, match=r"input must be a torch\.Tensor"):
        glu([1.0, 2.0])
    with pytest.raises(TypeError, match="input must have a floating-point dtype"):
        glu(torch.tensor([1, 2]))
    with pytest.raises(ValueError, match="grad_output must have the output's shape"):
        glu_backward(torch.ones(4, 2), torch.randn(4, 2))


# ------------------------------------------------------------------------------- bad arguments


@pytest.mark.parametrize("name", CASES)
def test_non_tensor_and_integer_inputs_raise_type_error(name):
    ours, derivative, theirs = CASES[name]
    for function in (ours, derivative):
        with pytest.raises(TypeError, match=r"input must be a torch\.Tensor"):
            function([1.0, -1.0])
        with pytest.raises(TypeError, match="input must have a floating-point dtype"):
            function(torch.tensor([1, -1]))
    with pytest.raises(NotImplementedError):  # torch refuses integer tensors too
        theirs(torch.tensor([1, -1]))


def test_gelu_rejects_an_unknown_approximation_like_torch():
    x = torch.randn(3)
    with pytest.raises(RuntimeError, match="approximate argument must be either none or tanh"):
        F.gelu(x, approximate="exact")
    for function in (gelu, gelu_derivative):
        with pytest.raises(ValueError, match="approximate must be 'none' or 'tanh'"):
            function(x, "exact")
        with pytest.raises(TypeError, match="approximate must be a str"):
            function(x, True)


def test_softplus_rejects_bad_beta_and_threshold():
    x = torch.randn(3)
    for function in (softplus, softplus_derivative):
        with pytest.raises(ValueError, match="beta must be non-zero"):
            function(x, 0.0)
        with pytest.raises(TypeError, match="beta must be a number"):
            function(x, "1")
        with pytest.raises(TypeError, match="threshold must be a number"):
            function(x, 1.0, None)
    assert torch.isinf(F.softplus(x, beta=0.0)).all()  # what torch does with beta = 0


# ----------------------------------------------------------------- the pitfalls the pages show


def test_porting_between_gelu_formulas_changes_outputs():
    torch.manual_seed(0)
    source = nn.Sequential(nn.Linear(16, 64), nn.GELU(approximate="tanh"), nn.Linear(64, 4))
    target = nn.Sequential(nn.Linear(16, 64), nn.GELU(), nn.Linear(64, 4))
    target.load_state_dict(source.state_dict())
    x = 3 * torch.randn(256, 16)
    with torch.no_grad():
        assert not torch.allclose(source(x), target(x))
        assert 1e-5 < (source(x) - target(x)).abs().max().item() < 1e-2
        target[1].approximate = "tanh"
        assert torch.equal(source(x), target(x))


def test_inplace_silu_in_a_residual_doubles_the_activation():
    h = torch.tensor([-2.0, 0.0, 2.0])
    right = F.silu(h) + h
    h_copy = h.clone()
    wrong = nn.SiLU(inplace=True)(h_copy) + h_copy
    torch.testing.assert_close(wrong, 2 * F.silu(h))
    assert not torch.allclose(wrong, right)


def test_glu_halves_the_features_so_the_next_layer_must_expect_half():
    x = torch.randn(4, 16)
    with pytest.raises(RuntimeError, match="cannot be multiplied"):
        nn.Sequential(nn.Linear(16, 16), nn.GLU(), nn.Linear(16, 8))(x)
    assert nn.Sequential(nn.Linear(16, 32), nn.GLU(), nn.Linear(16, 8))(x).shape == (4, 8)
    features = torch.randn(4, 32, 10)  # (N, 2C, L) from a convolution
    assert nn.GLU()(features).shape == (4, 32, 5)  # the default dim=-1 halves the time axis
    assert nn.GLU(dim=1)(features).shape == (4, 16, 10)
    assert glu(features).shape == (4, 32, 5) and glu(features, 1).shape == (4, 16, 10)


# ------------------------------------------------------------- more numbers the pages quote


def _extremes(derivative, low=-10.0, high=10.0):
    grid = torch.linspace(low, high, 400_001, dtype=torch.float64)
    values = derivative(grid)
    return (
        (values.min().item(), grid[values.argmin()].item()),
        (values.max().item(), grid[values.argmax()].item()),
    )


@pytest.mark.parametrize(
    ("name", "low", "high"),
    [
        ("gelu", (-0.1289, -math.sqrt(2)), (1.1289, math.sqrt(2))),
        ("silu", (-0.0998, -2.3994), (1.0998, 2.3994)),
        ("mish", (-0.1125, -2.2564), (1.0885, 1.4906)),
    ],
)
def test_derivative_ranges_quoted_on_the_pages(name, low, high):
    (d_min, x_min), (d_max, x_max) = _extremes(CASES[name][1])
    assert d_min == pytest.approx(low[0], abs=1e-4) and x_min == pytest.approx(low[1], abs=1e-3)
    assert d_max == pytest.approx(high[0], abs=1e-4) and x_max == pytest.approx(high[1], abs=1e-3)


def test_gelu_second_derivative_and_symmetries():
    x = torch.linspace(-5, 5, 101, dtype=torch.float64, requires_grad=True)
    second = _grad(gelu_derivative, x)
    phi = torch.exp(-(x.detach() ** 2) / 2) / math.sqrt(2 * math.pi)
    torch.testing.assert_close(second, phi * (2 - x.detach() ** 2))
    x = x.detach()
    for function in (gelu, lambda t: gelu(t, "tanh"), silu, softplus):
        torch.testing.assert_close(function(x) - function(-x), x)  # f(x) - f(-x) = x
    assert (mish(x) - mish(-x) - x).abs().max() > 1e-2  # not for Mish


def test_means_for_standard_normal_inputs_and_the_sigmoid_approximation_of_gelu():
    x = torch.linspace(-12, 12, 2_400_001, dtype=torch.float64)
    weight = torch.exp(-(x**2) / 2) / math.sqrt(2 * math.pi) * (x[1] - x[0])
    means = {name: (CASES[name][0](x) * weight).sum().item() for name in CASES}
    assert means["gelu"] == pytest.approx(1 / (2 * math.sqrt(math.pi)), abs=1e-6)  # 0.282
    assert means["silu"] == pytest.approx(0.207, abs=5e-4)
    assert means["hardswish"] == pytest.approx(0.166, abs=5e-4)
    assert means["mish"] == pytest.approx(0.240, abs=5e-4)
    assert means["softplus"] == pytest.approx(0.806, abs=5e-4)
    gap = (gelu(x) - x * logistic(1.702 * x)).abs().max().item()
    assert 0.020 < gap < 0.021


def test_silu_minimum_is_minus_lambert_w_of_one_over_e():
    w = 0.5  # solve w * exp(w) = 1/e by Newton's method
    for _ in range(50):
        w -= (w * math.exp(w) - math.exp(-1)) / (math.exp(w) * (w + 1))
    x_min = _root(silu_derivative, -3.0, -0.1)
    assert x_min == pytest.approx(-1 - w, abs=1e-12)
    assert silu(torch.tensor(x_min, dtype=torch.float64)).item() == pytest.approx(-w, abs=1e-12)


def test_softplus_facts_quoted_on_the_page():
    x = torch.linspace(-30, 30, 60_001, dtype=torch.float64)
    for beta in (1.0, 3.0, 10.0):
        gap = softplus(x, beta, math.inf) - torch.relu(x)
        assert (gap > -1e-14).all() and (gap[x.abs() < 1] > 0).all()  # else rounding only
        assert gap.max().item() == pytest.approx(math.log(2) / beta)  # at x = 0
    # a negative beta gives -Softplus_|beta|(-x), a smooth min(0, x)
    torch.testing.assert_close(F.softplus(x, -2.0), -F.softplus(-x, 2.0))
    # float32 underflow below about x = -104
    assert F.softplus(torch.tensor(-104.0)).item() == 0.0 < F.softplus(torch.tensor(-103.0)).item()
    assert softplus(torch.tensor(-104.0)).item() == 0.0
    # the float32 spacing near 20 that hides the default jump
    assert torch.finfo(torch.float32).eps * 16 == pytest.approx(1.9e-6, abs=1e-8)


def test_hardswish_equals_x_times_hardsigmoid():
    x = torch.linspace(-5, 5, 1001, dtype=torch.float64)
    torch.testing.assert_close(hardswish(x), x * F.hardsigmoid(x))
    torch.testing.assert_close(hardswish(x), x * F.relu6(x + 3) / 6)
