"""Pooling from scratch (nnref.layers.pooling, fractional_pooling, unpooling) against torch."""

import math

import pytest
import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import nn

from nnref.layers import fractional_pooling as fp
from nnref.layers import pooling as ours
from nnref.layers import unpooling as up


def _input(nd: int, size: int = 6, batch: int = 2, channels: int = 2, seed: int = 0):
    """A float64 input without ties (randn), so the argmax and the gradient are unique."""
    torch.manual_seed(seed)
    return torch.randn(batch, channels, *([size] * nd), dtype=torch.float64, requires_grad=True)


def _same_values_and_gradients(ours_fn, torch_fn, x, check_gradcheck=True):
    mine, theirs = ours_fn(x), torch_fn(x)
    torch.testing.assert_close(mine, theirs)
    upstream = torch.randn_like(theirs)
    (g_mine,) = torch.autograd.grad(mine, x, upstream)
    (g_theirs,) = torch.autograd.grad(theirs, x, upstream)
    torch.testing.assert_close(g_mine, g_theirs)
    if check_gradcheck:
        assert torch.autograd.gradcheck(ours_fn, (x,))


# --------------------------------------------------------------------------------------------
# Max pooling
# --------------------------------------------------------------------------------------------

MAX_CONFIGS = [
    dict(kernel_size=2),
    dict(kernel_size=3, stride=1, padding=1),
    dict(kernel_size=3, stride=2, padding=1, ceil_mode=True),
    dict(kernel_size=2, stride=2, dilation=2),
    dict(kernel_size=4, stride=3, padding=2, dilation=1, ceil_mode=True),
]


@pytest.mark.parametrize("nd", [1, 2, 3])
@pytest.mark.parametrize("config", MAX_CONFIGS, ids=str)
def test_max_pool_values_indices_and_gradients_equal_torch(nd, config):
    x = _input(nd, size=5 if nd == 3 else 7)
    mine_fn = getattr(ours, f"max_pool{nd}d")
    torch_fn = getattr(F, f"max_pool{nd}d")
    values, indices = mine_fn(x, **config, return_indices=True)
    expected_values, expected_indices = torch_fn(x, **config, return_indices=True)
    torch.testing.assert_close(values, expected_values)
    assert torch.equal(indices, expected_indices)
    _same_values_and_gradients(
        lambda t: mine_fn(t, **config), lambda t: torch_fn(t, **config), x, nd < 3
    )


def test_max_pool_modules_compute_the_same():
    x = _input(2).detach()
    layer = nn.MaxPool2d(3, stride=2, padding=1, return_indices=True)
    values, indices = layer(x)
    mine_values, mine_indices = ours.max_pool2d(x, 3, stride=2, padding=1, return_indices=True)
    torch.testing.assert_close(mine_values, values)
    assert torch.equal(mine_indices, indices)
    assert layer.stride == 2 and nn.MaxPool2d(3).stride == 3  # stride defaults to kernel_size
    assert sum(p.numel() for p in layer.parameters()) == 0


def test_max_pool_gradient_goes_to_the_first_maximum_only():
    # Ties: torch keeps the first maximum of each window and gives it the whole gradient.
    x = torch.tensor([[[[1.0, 3.0, 3.0, 0.0], [3.0, 2.0, 0.0, 3.0]]]], requires_grad=True)
    (mine,) = torch.autograd.grad(ours.max_pool2d(x, 2, stride=1).sum(), x)
    (theirs,) = torch.autograd.grad(F.max_pool2d(x, 2, stride=1).sum(), x)
    assert torch.equal(mine, theirs)
    assert mine.tolist() == [[[[0.0, 2.0, 1.0, 0.0], [0.0, 0.0, 0.0, 0.0]]]]
    _, indices = ours.max_pool2d(x.detach(), 2, stride=1, return_indices=True)
    assert indices.tolist() == [[[[1, 1, 2]]]]


def test_max_pool_propagates_nan_and_pads_with_minus_infinity():
    x = torch.tensor([[[1.0, math.nan, 2.0, math.nan, 0.0, -5.0]]])
    for config in (dict(kernel_size=3), dict(kernel_size=2, padding=1)):
        mine = ours.max_pool1d(x, **config, return_indices=True)
        theirs = F.max_pool1d(x, **config, return_indices=True)
        torch.testing.assert_close(mine[0], theirs[0], equal_nan=True)
        assert torch.equal(mine[1], theirs[1])
    negative = -torch.arange(1.0, 5.0).view(1, 1, 4)  # padding never wins, even over -4
    assert ours.max_pool1d(negative, 2, padding=1).tolist() == [[[-1.0, -2.0, -4.0]]]


def test_max_pool_window_of_padding_only_matches_torch():
    # A large dilation can make a window read padding only: -inf and torch's index.
    x = torch.randn(1, 1, 8, 2)
    config = dict(kernel_size=2, stride=(3, 1), padding=(0, 1), dilation=(2, 3))
    mine = ours.max_pool2d(x, **config, return_indices=True)
    theirs = F.max_pool2d(x, **config, return_indices=True)
    torch.testing.assert_close(mine[0], theirs[0])
    assert torch.equal(mine[1], theirs[1])


def test_unbatched_input_keeps_its_rank():
    x = torch.randn(3, 8, 8)
    torch.testing.assert_close(ours.max_pool2d(x, 2), F.max_pool2d(x, 2))
    torch.testing.assert_close(ours.avg_pool2d(x, 2), F.avg_pool2d(x, 2))
    assert ours.adaptive_avg_pool2d(x, 1).shape == (3, 1, 1)


# --------------------------------------------------------------------------------------------
# Average pooling
# --------------------------------------------------------------------------------------------

AVG_CONFIGS = [
    dict(kernel_size=2),
    dict(kernel_size=3, stride=1, padding=1),
    dict(kernel_size=3, stride=1, padding=1, count_include_pad=False),
    dict(kernel_size=3, stride=2, padding=1, ceil_mode=True),
    dict(kernel_size=3, stride=2, padding=1, ceil_mode=True, count_include_pad=False),
    dict(kernel_size=4, stride=3, ceil_mode=True),
]


@pytest.mark.parametrize("nd", [1, 2, 3])
@pytest.mark.parametrize("config", AVG_CONFIGS, ids=str)
def test_avg_pool_values_and_gradients_equal_torch(nd, config):
    x = _input(nd, size=5 if nd == 3 else 7)
    mine_fn = getattr(ours, f"avg_pool{nd}d")
    torch_fn = getattr(F, f"avg_pool{nd}d")
    _same_values_and_gradients(
        lambda t: mine_fn(t, **config), lambda t: torch_fn(t, **config), x, nd < 3
    )


@pytest.mark.parametrize("nd", [2, 3])
def test_avg_pool_divisor_override(nd):
    x = _input(nd, size=5)
    config = dict(kernel_size=3, stride=2, padding=1, ceil_mode=True, divisor_override=4)
    _same_values_and_gradients(
        lambda t: getattr(ours, f"avg_pool{nd}d")(t, **config),
        lambda t: getattr(F, f"avg_pool{nd}d")(t, **config),
        x,
        check_gradcheck=False,
    )


def test_avg_pool_padding_counts_as_zeros_by_default():
    x = torch.ones(1, 1, 4, dtype=torch.float64)
    assert ours.avg_pool1d(x, 3, stride=1, padding=1).tolist() == [[[2 / 3, 1.0, 1.0, 2 / 3]]]
    no_pad = ours.avg_pool1d(x, 3, stride=1, padding=1, count_include_pad=False)
    assert no_pad.tolist() == [[[1.0, 1.0, 1.0, 1.0]]]


# --------------------------------------------------------------------------------------------
# LP pooling
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("nd", [1, 2, 3])
@pytest.mark.parametrize("norm_type", [1, 2, 3, 1.5, math.inf])
@pytest.mark.parametrize("config", [dict(kernel_size=2), dict(kernel_size=3, stride=2)], ids=str)
def test_lp_pool_values_and_gradients_equal_torch(nd, norm_type, config):
    torch.manual_seed(nd)
    x = (torch.rand(2, 2, *([5] * nd), dtype=torch.float64) + 0.5).requires_grad_()
    mine_fn = getattr(ours, f"lp_pool{nd}d")
    torch_fn = getattr(F, f"lp_pool{nd}d")
    _same_values_and_gradients(
        lambda t: mine_fn(t, norm_type, **config),
        lambda t: torch_fn(t, norm_type, **config),
        x,
        check_gradcheck=nd == 1,
    )


def test_lp_pool_is_the_p_norm_of_each_window():
    x = torch.tensor([[[3.0, 4.0, 1.0, 2.0]]], dtype=torch.float64)
    assert ours.lp_pool1d(x, 2, 2).tolist() == [[[5.0, math.sqrt(5.0)]]]
    assert ours.lp_pool1d(x, 1, 2).tolist() == [[[7.0, 3.0]]]  # p = 1: sum pooling
    assert ours.lp_pool1d(x, math.inf, 2).tolist() == [[[4.0, 2.0]]]  # p = inf: max of |x|


def test_lp_pool_quirks_match_torch():
    # Signed powers: p = 1 sums negative numbers, odd p gives NaN for a negative sum.
    x = torch.tensor([[[-1.0, -2.0, 3.0, 1.0]]])
    for p in (1, 3):
        torch.testing.assert_close(ours.lp_pool1d(x, p, 2), F.lp_pool1d(x, p, 2), equal_nan=True)
    assert ours.lp_pool1d(x, 3, 2)[0, 0, 0].isnan()
    # ceil_mode: a window cut by the border is averaged then scaled by the full kernel size.
    y = torch.arange(5.0).view(1, 1, 5)
    mine = ours.lp_pool1d(y, 2, 2, ceil_mode=True)
    torch.testing.assert_close(mine, F.lp_pool1d(y, 2, 2, ceil_mode=True))
    torch.testing.assert_close(mine[0, 0, -1], torch.tensor(math.sqrt(2 * 4.0**2)))
    # A window of zeros has a zero gradient (the root's derivative is infinite there).
    z = torch.zeros(1, 1, 4, dtype=torch.float64, requires_grad=True)
    (grad,) = torch.autograd.grad(ours.lp_pool1d(z, 2, 2).sum(), z)
    assert torch.equal(grad, torch.zeros_like(z))


# --------------------------------------------------------------------------------------------
# Adaptive pooling
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("length", "out"), [(5, 3), (7, 4), (6, 6), (3, 5), (10, 1)])
def test_adaptive_bounds_formula(length, out):
    starts, ends = ours.adaptive_bounds(length, out)
    assert starts.tolist() == [math.floor(i * length / out) for i in range(out)]
    assert ends.tolist() == [math.ceil((i + 1) * length / out) for i in range(out)]
    x = torch.arange(float(length)).view(1, 1, length)
    means = [x[0, 0, s:e].mean() for s, e in zip(starts.tolist(), ends.tolist(), strict=True)]
    torch.testing.assert_close(F.adaptive_avg_pool1d(x, out)[0, 0], torch.stack(means))


@pytest.mark.parametrize("nd", [1, 2, 3])
@pytest.mark.parametrize("output_size", [1, 2, 3, 7], ids=str)
def test_adaptive_pools_equal_torch(nd, output_size):
    x = _input(nd, size=5)
    max_fn, torch_max = (
        getattr(ours, f"adaptive_max_pool{nd}d"),
        getattr(F, f"adaptive_max_pool{nd}d"),
    )
    avg_fn, torch_avg = (
        getattr(ours, f"adaptive_avg_pool{nd}d"),
        getattr(F, f"adaptive_avg_pool{nd}d"),
    )
    values, indices = max_fn(x, output_size, return_indices=True)
    expected_values, expected_indices = torch_max(x, output_size, return_indices=True)
    torch.testing.assert_close(values, expected_values)
    assert torch.equal(indices, expected_indices)
    check = nd == 1 or output_size == 2
    _same_values_and_gradients(
        lambda t: max_fn(t, output_size), lambda t: torch_max(t, output_size), x, check
    )
    _same_values_and_gradients(
        lambda t: avg_fn(t, output_size), lambda t: torch_avg(t, output_size), x, check
    )


def test_adaptive_none_keeps_a_size_and_tuples_mix():
    x = torch.randn(2, 3, 5, 6, 7)
    for size in [(None, 2, 3), (4, None, 1), (2, 3, 4)]:
        torch.testing.assert_close(
            ours.adaptive_avg_pool3d(x, size), F.adaptive_avg_pool3d(x, size)
        )
        torch.testing.assert_close(
            ours.adaptive_max_pool3d(x, size), F.adaptive_max_pool3d(x, size)
        )


def test_global_pooling_is_output_size_one():
    x = torch.randn(4, 8, 5, 5)
    pooled = ours.adaptive_avg_pool2d(x, 1)
    assert pooled.shape == (4, 8, 1, 1)  # torch keeps the axes; Keras drops them
    torch.testing.assert_close(pooled, x.mean(dim=(2, 3), keepdim=True))
    torch.testing.assert_close(ours.adaptive_max_pool2d(x, 1), x.amax(dim=(2, 3), keepdim=True))


# --------------------------------------------------------------------------------------------
# Fractional max pooling
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64], ids=str)
@pytest.mark.parametrize(
    ("shape", "kernel", "output_size"),
    [((2, 3, 9, 11), 2, (5, 7)), ((2, 3, 10, 10), 3, (4, 8)), ((3, 9, 7), (2, 3), (6, 5))],
    ids=str,
)
def test_fractional_max_pool2d_equals_torch_with_the_same_samples(
    dtype, shape, kernel, output_size
):
    torch.manual_seed(1)
    x = torch.randn(shape, dtype=dtype)
    samples = torch.rand(shape[0] if len(shape) == 4 else 1, shape[-3], 2, dtype=dtype)
    mine = fp.fractional_max_pool2d(
        x, kernel, output_size, return_indices=True, random_samples=samples
    )
    theirs = F.fractional_max_pool2d(
        x, kernel, output_size, return_indices=True, _random_samples=samples
    )
    torch.testing.assert_close(mine[0], theirs[0])
    assert torch.equal(mine[1], theirs[1])


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64], ids=str)
def test_fractional_max_pool3d_equals_torch_with_the_same_samples(dtype):
    torch.manual_seed(2)
    x = torch.randn(2, 2, 9, 8, 10, dtype=dtype)
    samples = torch.rand(2, 2, 3, dtype=dtype)
    mine = fp.fractional_max_pool3d(
        x, (2, 3, 2), (5, 4, 6), return_indices=True, random_samples=samples
    )
    theirs = F.fractional_max_pool3d(
        x, (2, 3, 2), (5, 4, 6), return_indices=True, _random_samples=samples
    )
    torch.testing.assert_close(mine[0], theirs[0])
    assert torch.equal(mine[1], theirs[1])


def test_fractional_max_pool_draws_the_samples_torch_draws():
    x = torch.randn(2, 3, 12, 12)
    torch.manual_seed(5)
    mine = fp.fractional_max_pool2d(x, 2, output_ratio=0.6)
    torch.manual_seed(5)
    theirs = nn.FractionalMaxPool2d(2, output_ratio=0.6)(x)
    assert mine.shape == (2, 3, 7, 7)  # int(12 * 0.6)
    torch.testing.assert_close(mine, theirs)
    torch.manual_seed(6)
    x3 = torch.randn(1, 2, 8, 8, 8)
    torch.manual_seed(7)
    mine3 = fp.fractional_max_pool3d(x3, 2, output_ratio=(0.5, 0.6, 0.7))
    torch.manual_seed(7)
    torch.testing.assert_close(mine3, F.fractional_max_pool3d(x3, 2, output_ratio=(0.5, 0.6, 0.7)))


def test_fractional_max_pool_uses_the_first_rows_of_longer_samples():
    x = torch.randn(2, 3, 9, 9)
    samples = torch.rand(5, 3, 2)
    mine = fp.fractional_max_pool2d(x, 2, 5, random_samples=samples)
    torch.testing.assert_close(mine, F.fractional_max_pool2d(x, 2, 5, _random_samples=samples))
    torch.testing.assert_close(mine, fp.fractional_max_pool2d(x, 2, 5, random_samples=samples[:2]))


def test_fractional_max_pool_gradient_equals_torch():
    torch.manual_seed(3)
    x = torch.randn(2, 2, 9, 9, dtype=torch.float64, requires_grad=True)
    samples = torch.rand(2, 2, 2, dtype=torch.float64)
    _same_values_and_gradients(
        lambda t: fp.fractional_max_pool2d(t, 2, (5, 6), random_samples=samples),
        lambda t: F.fractional_max_pool2d(t, 2, (5, 6), _random_samples=samples),
        x,
    )


@pytest.mark.parametrize(("length", "out", "kernel"), [(25, 10, 2), (10, 7, 3), (9, 1, 2)])
def test_fractional_intervals_steps_are_floor_or_ceil_of_alpha(length, out, kernel):
    samples = torch.rand(200, dtype=torch.float64)
    starts = fp.fractional_intervals(samples, length, out, kernel)
    assert starts.shape == (200, out)
    assert (starts[:, -1] == length - kernel).all()  # the last window ends at the border
    if out > 1:
        assert (starts[:, 0] == 0).all()
        alpha = (length - kernel) / (out - 1)
        steps = starts.diff(dim=1)
        assert set(steps.unique().tolist()) <= {math.floor(alpha), math.ceil(alpha)}


# --------------------------------------------------------------------------------------------
# Max unpooling
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("nd", [1, 2, 3])
@pytest.mark.parametrize(
    "config", [dict(kernel_size=2), dict(kernel_size=3, stride=2, padding=1)], ids=str
)
def test_max_unpool_equals_torch(nd, config):
    x = _input(nd, size=5)
    pooled, indices = getattr(F, f"max_pool{nd}d")(x.detach(), **config, return_indices=True)
    pooled.requires_grad_()
    size = x.shape[2:]
    mine_fn, torch_fn = getattr(up, f"max_unpool{nd}d"), getattr(F, f"max_unpool{nd}d")
    # Overlapping windows can pick the same input twice; a numerical Jacobian then sees only
    # one of the two writes, so gradcheck is run on non-overlapping windows only.
    _same_values_and_gradients(
        lambda t: mine_fn(t, indices, **config, output_size=size),
        lambda t: torch_fn(t, indices, **config, output_size=size),
        pooled,
        check_gradcheck=config.get("stride") is None,
    )


def test_max_unpool_is_a_partial_inverse():
    torch.manual_seed(4)
    x = torch.rand(1, 2, 4, 4) + 0.1  # positive: a zero of the unpooled map never wins
    pooled, indices = ours.max_pool2d(x, 2, return_indices=True)
    restored = up.max_unpool2d(pooled, indices, 2)
    kept = restored != 0
    assert kept.sum() == pooled.numel()  # one survivor per window, zeros elsewhere
    torch.testing.assert_close(restored[kept], x[kept])
    torch.testing.assert_close(ours.max_pool2d(restored, 2), pooled)


def test_max_unpool_output_size_range():
    x = torch.randn(1, 1, 5, 5)
    pooled, indices = F.max_pool2d(x, 2, stride=2, padding=1, return_indices=True)
    assert pooled.shape == (1, 1, 3, 3)
    # (3 - 1) * 2 - 2 + 2 = 4 by default; 5 pools to 3 as well.
    x4 = torch.randn(1, 1, 4, 4)
    pooled4, indices4 = F.max_pool2d(x4, 2, stride=2, padding=1, return_indices=True)
    assert up.max_unpool2d(pooled4, indices4, 2, 2, 1).shape == (1, 1, 4, 4)
    assert up.max_unpool2d(pooled, indices, 2, 2, 1, output_size=(5, 5)).shape == (1, 1, 5, 5)
    pooled, indices = F.max_pool2d(x, 2, return_indices=True)
    assert up.max_unpool2d(pooled, indices, 2, output_size=(1, 1, 5, 5)).shape == (1, 1, 5, 5)
    with pytest.raises(ValueError, match="output_size"):
        up.max_unpool2d(pooled, indices, 2, output_size=(6, 6))
    with pytest.raises(ValueError, match="output_size"):
        F.max_unpool2d(pooled, indices, 2, output_size=(6, 6))


# --------------------------------------------------------------------------------------------
# Shapes over random configurations
# --------------------------------------------------------------------------------------------


@st.composite
def pool_configs(draw):
    nd = draw(st.integers(1, 3))
    kernel = draw(st.lists(st.integers(1, 4), min_size=nd, max_size=nd))
    return dict(
        nd=nd,
        size=draw(st.lists(st.integers(1, 9), min_size=nd, max_size=nd)),
        kernel_size=kernel,
        stride=draw(st.lists(st.integers(1, 3), min_size=nd, max_size=nd)),
        padding=[draw(st.integers(0, k // 2)) for k in kernel],
        dilation=draw(st.lists(st.integers(1, 3), min_size=nd, max_size=nd)),
        ceil_mode=draw(st.booleans()),
    )


def _outcome(fn):
    try:
        return tuple(fn().shape)
    except (RuntimeError, ValueError):
        return "error"


@settings(max_examples=50)
@given(pool_configs())
def test_max_pool_shapes_over_random_configurations(config):
    nd, size = config.pop("nd"), config.pop("size")
    x = torch.randn(1, 2, *size)
    mine = _outcome(lambda: getattr(ours, f"max_pool{nd}d")(x, **config))
    theirs = _outcome(lambda: getattr(F, f"max_pool{nd}d")(x, **config))
    assert mine == theirs
    if mine != "error":
        per_axis = [
            ours.pool_output_size(n, k, s, p, d, config["ceil_mode"])
            for n, k, s, p, d in zip(
                size,
                *(config[a] for a in ("kernel_size", "stride", "padding", "dilation")),
                strict=True,
            )
        ]
        assert mine == (1, 2, *per_axis)


@settings(max_examples=40)
@given(pool_configs(), st.booleans())
def test_avg_pool_shapes_over_random_configurations(config, count_include_pad):
    nd, size = config.pop("nd"), config.pop("size")
    config.pop("dilation")
    x = torch.randn(1, 2, *size)
    config["count_include_pad"] = count_include_pad
    mine = _outcome(lambda: getattr(ours, f"avg_pool{nd}d")(x, **config))
    theirs = _outcome(lambda: getattr(F, f"avg_pool{nd}d")(x, **config))
    assert mine == theirs


@settings(max_examples=30)
@given(
    st.integers(1, 3),
    st.lists(st.integers(1, 8), min_size=3, max_size=3),
    st.lists(st.integers(1, 10), min_size=3, max_size=3),
)
def test_adaptive_shapes_over_random_configurations(nd, size, output_size):
    x = torch.randn(1, 2, *size[:nd])
    out = output_size[:nd]
    mine = getattr(ours, f"adaptive_avg_pool{nd}d")(x, out)
    assert mine.shape == (1, 2, *out)
    torch.testing.assert_close(mine, getattr(F, f"adaptive_avg_pool{nd}d")(x, out))


# --------------------------------------------------------------------------------------------
# Bad arguments
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (lambda: ours.max_pool2d(torch.randn(1, 1, 5, 5), 3, padding=2), ValueError, "padding"),
        (lambda: ours.max_pool2d(torch.randn(1, 1, 5, 5), 0), ValueError, "kernel_size"),
        (lambda: ours.max_pool2d(torch.randn(1, 1, 5, 5), 2, stride=0), ValueError, "stride"),
        (lambda: ours.max_pool2d(torch.randn(1, 1, 5, 5), 2, dilation=0), ValueError, "dilation"),
        (lambda: ours.max_pool2d(torch.randn(1, 1, 5, 5), 2, padding=-1), ValueError, "padding"),
        (lambda: ours.max_pool2d(torch.randn(1, 1, 5, 5), (2, 2, 2)), ValueError, "kernel_size"),
        (lambda: ours.max_pool2d(torch.randn(1, 1, 5, 5), 2.5), TypeError, "kernel_size"),
        (lambda: ours.max_pool2d(torch.randn(5, 5), 2), ValueError, "input"),
        (lambda: ours.max_pool1d([1.0, 2.0], 2), TypeError, "input"),
        (lambda: ours.max_pool1d(torch.arange(6).view(1, 1, 6), 2), TypeError, "input"),
        (lambda: ours.max_pool1d(torch.randn(1, 1, 3), 5), ValueError, "too small"),
        (lambda: ours.max_pool1d(torch.randn(1, 1, 4), 2, ceil_mode=1), TypeError, "ceil_mode"),
        (
            lambda: ours.avg_pool2d(torch.randn(1, 1, 4, 4), 2, divisor_override=0),
            ValueError,
            "divisor_override",
        ),
        (
            lambda: ours.avg_pool3d(torch.randn(1, 1, 2, 4, 4), 3, padding=1),
            ValueError,
            "kernel_size",
        ),
        (lambda: ours.lp_pool2d(torch.randn(1, 1, 4, 4), 0, 2), ValueError, "norm_type"),
        (lambda: ours.lp_pool2d(torch.randn(1, 1, 4, 4), "2", 2), TypeError, "norm_type"),
        (lambda: ours.adaptive_avg_pool2d(torch.randn(1, 1, 4, 4), 0), ValueError, "output_size"),
        (
            lambda: ours.adaptive_max_pool2d(torch.randn(1, 1, 4, 4), (1, 2, 3)),
            ValueError,
            "output_size",
        ),
        (
            lambda: fp.fractional_max_pool2d(torch.randn(1, 1, 5, 5), 3, output_size=4),
            ValueError,
            "kernel_size",
        ),
        (lambda: fp.fractional_max_pool2d(torch.randn(1, 1, 5, 5), 2), ValueError, "output_size"),
        (
            lambda: fp.fractional_max_pool2d(torch.randn(1, 1, 5, 5), 2, output_ratio=1.5),
            ValueError,
            "output_ratio",
        ),
        (
            lambda: fp.fractional_max_pool2d(
                torch.randn(2, 1, 5, 5), 2, 3, random_samples=torch.rand(2, 2, 2)
            ),
            ValueError,
            "random_samples",
        ),
        (
            lambda: fp.fractional_max_pool2d(
                torch.randn(2, 1, 5, 5), 2, 3, random_samples=torch.rand(1, 1, 2)
            ),
            ValueError,
            "random_samples",
        ),
        (
            lambda: fp.fractional_max_pool3d(torch.randn(1, 1, 4, 4, 4), 2, 3),
            ValueError,
            "kernel_size",
        ),
        (
            lambda: up.max_unpool2d(torch.randn(1, 1, 2, 2), torch.full((1, 1, 2, 2), 16), 2),
            ValueError,
            "indices",
        ),
        (
            lambda: up.max_unpool2d(torch.randn(1, 1, 2, 2), torch.zeros(1, 1, 2, 2), 2),
            TypeError,
            "indices",
        ),
        (
            lambda: up.max_unpool2d(torch.randn(1, 1, 2, 2), torch.zeros(1, 1, 2, 1).long(), 2),
            ValueError,
            "indices",
        ),
    ],
)
def test_bad_arguments_raise_errors_naming_them(call, error, match):
    with pytest.raises(error, match=match):
        call()


@pytest.mark.parametrize(
    "call",
    [
        lambda: F.max_pool2d(torch.randn(1, 1, 5, 5), 3, padding=2),
        lambda: F.avg_pool3d(torch.randn(1, 1, 2, 4, 4), 3, padding=1),
        lambda: F.fractional_max_pool3d(torch.randn(1, 1, 4, 4, 4), 2, 3),
        lambda: F.max_unpool2d(torch.randn(1, 1, 2, 2), torch.full((1, 1, 2, 2), 16), 2),
    ],
)
def test_torch_refuses_the_same_arguments(call):
    with pytest.raises(RuntimeError):
        call()
