"""nnref.training.init reproduces torch.nn.init bit for bit, and the variances are the formulas."""

import math

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import nn

from nnref.training import init as scratch


@pytest.fixture(autouse=True, scope="module")
def one_thread():
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


shapes = st.lists(st.integers(1, 6), min_size=2, max_size=5).map(tuple)
RANDOM_INITS = [
    ("xavier_uniform_", {}),
    ("xavier_uniform_", {"gain": 5 / 3}),
    ("xavier_normal_", {"gain": 0.5}),
    ("kaiming_uniform_", {}),
    ("kaiming_uniform_", {"a": math.sqrt(5)}),
    ("kaiming_uniform_", {"mode": "fan_out", "nonlinearity": "relu"}),
    ("kaiming_normal_", {"nonlinearity": "tanh"}),
    ("kaiming_normal_", {"a": 0.2, "mode": "fan_out"}),
    ("orthogonal_", {"gain": 1.3}),
    ("trunc_normal_", {"std": 0.02, "a": -0.04, "b": 0.04}),
    ("trunc_normal_", {"mean": 1.0, "std": 2.0, "a": 2.5, "b": 3.0}),
]


@pytest.mark.parametrize(("name", "kwargs"), RANDOM_INITS)
@settings(max_examples=15)
@given(shape=shapes, seed=st.integers(0, 2**31 - 1))
def test_bit_equal_to_torch_with_the_same_generator(name, kwargs, shape, seed):
    ours = getattr(scratch, name)(
        torch.empty(shape), generator=torch.Generator().manual_seed(seed), **kwargs
    )
    theirs = getattr(nn.init, name)(
        torch.empty(shape), generator=torch.Generator().manual_seed(seed), **kwargs
    )
    assert torch.equal(ours, theirs)


@settings(max_examples=30)
@given(shape=shapes)
def test_fans_equal_torch(shape):
    tensor = torch.empty(shape)
    assert scratch.calculate_fan_in_and_fan_out(tensor) == nn.init._calculate_fan_in_and_fan_out(
        tensor
    )


def test_conv_fan_is_channels_times_kernel():
    weight = nn.Conv2d(16, 32, kernel_size=(3, 5), groups=2).weight  # (32, 8, 3, 5)
    assert scratch.calculate_fan_in_and_fan_out(weight) == (8 * 15, 32 * 15)


@pytest.mark.parametrize(
    ("name", "param"),
    [
        ("linear", None),
        ("conv2d", None),
        ("conv_transpose3d", None),
        ("sigmoid", None),
        ("tanh", None),
        ("relu", None),
        ("leaky_relu", None),
        ("leaky_relu", 0.2),
        ("leaky_relu", 1),
        ("selu", None),
    ],
)
def test_gain_equals_torch(name, param):
    assert scratch.calculate_gain(name, param) == nn.init.calculate_gain(name, param)


def test_gain_values_stated_on_the_page():
    assert scratch.calculate_gain("tanh") == pytest.approx(5 / 3)
    assert scratch.calculate_gain("relu") == pytest.approx(math.sqrt(2))
    assert scratch.calculate_gain("selu") == 0.75
    assert scratch.calculate_gain("leaky_relu", 0.1) == pytest.approx(math.sqrt(2 / 1.01))


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_default_init_equals_linear_and_conv(seed):
    torch.manual_seed(seed)
    linear = nn.Linear(7, 3)
    torch.manual_seed(seed)
    w, b = torch.empty(3, 7), torch.empty(3)
    scratch.default_init_(w, b)
    assert torch.equal(w, linear.weight) and torch.equal(b, linear.bias)
    torch.manual_seed(seed)
    conv = nn.Conv1d(4, 6, 3)
    torch.manual_seed(seed)
    w, b = torch.empty(6, 4, 3), torch.empty(6)
    scratch.default_init_(w, b)
    assert torch.equal(w, conv.weight) and torch.equal(b, conv.bias)


def test_default_init_is_uniform_one_over_sqrt_fan_in():
    layer = nn.Linear(400, 300)
    bound = 1 / math.sqrt(400)
    assert layer.weight.abs().max() <= bound
    assert layer.weight.abs().max() > 0.99 * bound
    assert layer.weight.var().item() * 400 == pytest.approx(1 / 3, rel=0.02)
    assert layer.bias.abs().max() <= bound


@pytest.mark.parametrize(
    ("function", "kwargs", "variance"),
    [
        ("xavier_uniform_", {}, 2 / (500 + 300)),
        ("xavier_normal_", {"gain": 2.0}, 4 * 2 / (500 + 300)),
        ("kaiming_uniform_", {"nonlinearity": "relu"}, 2 / 500),
        ("kaiming_normal_", {"nonlinearity": "relu", "mode": "fan_out"}, 2 / 300),
    ],
)
def test_empirical_variance_is_the_formula(function, kwargs, variance):
    w = getattr(scratch, function)(
        torch.empty(300, 500), generator=torch.Generator().manual_seed(0), **kwargs
    )
    assert w.var().item() == pytest.approx(variance, rel=0.02)
    assert abs(w.mean().item()) < 0.01 * math.sqrt(variance) * 10


def test_uniform_bounds():
    w = scratch.xavier_uniform_(torch.empty(300, 500), generator=torch.Generator().manual_seed(0))
    bound = math.sqrt(6 / 800)
    assert bound * 0.99 < w.abs().max() <= bound


def test_variance_of_a_sum_and_the_relu_factor():
    generator = torch.Generator().manual_seed(0)
    x = 2 * torch.randn(20000, 200, generator=generator, dtype=torch.float64)
    w = 0.1 * torch.randn(50, 200, generator=generator, dtype=torch.float64)
    y = x @ w.T
    assert y.var().item() == pytest.approx(200 * 0.01 * 4, rel=0.05)
    assert (y.relu().pow(2).mean() / y.var()).item() == pytest.approx(0.5, rel=0.03)


def test_kaiming_keeps_relu_scale_and_xavier_halves_it():
    generator = torch.Generator().manual_seed(0)
    x = torch.randn(2000, 512, generator=generator, dtype=torch.float64)
    for function, ratio in (("kaiming_normal_", 1.0), ("xavier_normal_", 0.5)):
        w = torch.empty(512, 512, dtype=torch.float64)
        if function == "kaiming_normal_":
            scratch.kaiming_normal_(w, nonlinearity="relu", generator=generator)
        else:
            scratch.xavier_normal_(w, generator=generator)
        out = torch.relu(x @ w.T)
        assert (out.pow(2).mean() / x.pow(2).mean()).item() == pytest.approx(ratio, rel=0.1)


def test_orthogonal_is_orthogonal():
    w = scratch.orthogonal_(torch.empty(6, 10), generator=torch.Generator().manual_seed(0))
    torch.testing.assert_close(w @ w.T, torch.eye(6), atol=1e-5, rtol=0)


def test_trunc_normal_stays_in_bounds():
    w = scratch.trunc_normal_(torch.empty(10000), std=1.0, a=-0.5, b=1.0)
    assert w.min() >= -0.5 and w.max() <= 1.0


def test_constant_and_zeros_leave_a_leaf():
    p = nn.Parameter(torch.randn(4))
    scratch.constant_(p, 0.25)
    assert p.is_leaf and p.grad_fn is None and torch.equal(p.detach(), torch.full((4,), 0.25))
    scratch.zeros_(p)
    assert torch.equal(p.detach(), torch.zeros(4))


def test_errors_like_torch():
    with pytest.raises(ValueError, match="fewer than 2 dimensions"):
        scratch.xavier_uniform_(torch.empty(5))
    with pytest.raises(ValueError, match="fewer than 2 dimensions"):
        nn.init.xavier_uniform_(torch.empty(5))
    with pytest.raises(ValueError, match="Mode fan_avg not supported"):
        scratch.kaiming_uniform_(torch.empty(3, 3), mode="fan_avg")
    with pytest.raises(ValueError, match="Unsupported nonlinearity gelu"):
        scratch.kaiming_normal_(torch.empty(3, 3), nonlinearity="gelu")
    with pytest.raises(ValueError, match="not a valid number"):
        scratch.calculate_gain("leaky_relu", True)
    with pytest.raises(ValueError, match="2 or more dimensions"):
        scratch.orthogonal_(torch.empty(3))
    with pytest.raises(TypeError, match="tensor"):
        scratch.calculate_fan_in_and_fan_out([[1.0]])


def test_zero_element_tensor_warns_like_torch():
    with pytest.warns(UserWarning, match="zero-element"):
        scratch.kaiming_uniform_(torch.empty(0, 3))
