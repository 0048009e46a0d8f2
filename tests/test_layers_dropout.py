"""nnref.layers.dropout against torch: the same masks, values, gradients and edge cases."""

import math
import warnings

import pytest
import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import nn

from nnref.layers.dropout import (
    SELU_NEGATIVE_SATURATION,
    alpha_dropout,
    alpha_dropout_coefficients,
    bernoulli_mask,
    dropout,
    dropout1d,
    dropout2d,
    dropout3d,
    feature_alpha_dropout,
    feature_dropout,
)

# (ours, torch's functional, input shape, shape of the mask ours expects)
CASES = {
    "dropout": (dropout, F.dropout, (3, 4, 5), (3, 4, 5)),
    "dropout1d": (dropout1d, F.dropout1d, (3, 4, 5), (3, 4, 1)),
    "dropout1d-unbatched": (dropout1d, F.dropout1d, (4, 5), (4, 1)),
    "dropout2d": (dropout2d, F.dropout2d, (2, 3, 4, 5), (2, 3, 1, 1)),
    "dropout3d": (dropout3d, F.dropout3d, (2, 3, 2, 3, 4), (2, 3, 1, 1, 1)),
    "dropout3d-unbatched": (dropout3d, F.dropout3d, (3, 2, 3, 4), (3, 1, 1, 1)),
    "feature_dropout": (feature_dropout, F.dropout2d, (2, 3, 4, 5), (2, 3, 1, 1)),
    "alpha_dropout": (alpha_dropout, F.alpha_dropout, (3, 4, 5), (3, 4, 5)),
    "feature_alpha_dropout": (
        feature_alpha_dropout,
        F.feature_alpha_dropout,
        (2, 3, 4, 5),
        (2, 3, 1, 1),
    ),
}
ALPHA = {"alpha_dropout", "feature_alpha_dropout"}


@pytest.mark.parametrize("name", CASES)
@pytest.mark.parametrize("p", [0.1, 0.5, 0.8])
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64], ids=["f32", "f64"])
def test_same_seed_gives_bitwise_equal_output_and_gradient(name, p, dtype):
    ours, theirs, shape, _ = CASES[name]
    x = torch.randn(shape, dtype=dtype, generator=torch.Generator().manual_seed(5))
    x.requires_grad_(True)
    torch.manual_seed(11)
    y_ours = ours(x, p, True)
    torch.manual_seed(11)
    y_theirs = theirs(x, p, True)
    torch.testing.assert_close(y_ours, y_theirs, rtol=0, atol=0)
    upstream = torch.randn_like(y_ours)
    (g_ours,) = torch.autograd.grad(y_ours, x, upstream)
    (g_theirs,) = torch.autograd.grad(y_theirs, x, upstream)
    torch.testing.assert_close(g_ours, g_theirs, rtol=0, atol=0)


@pytest.mark.parametrize("name", CASES)
def test_explicit_mask_defines_value_and_gradient(name):
    ours, _, shape, mask_shape = CASES[name]
    p = 0.4
    x = torch.randn(shape, dtype=torch.float64, requires_grad=True)
    mask = bernoulli_mask(mask_shape, p, torch.float64, torch.Generator().manual_seed(3))
    assert set(mask.unique().tolist()) <= {0.0, 1.0}
    y = ours(x, p, mask=mask)
    (grad,) = torch.autograd.grad(y.sum(), x)
    broadcast = mask.expand(shape)
    if name in ALPHA:
        a, b = alpha_dropout_coefficients(p)
        dropped_value = -SELU_NEGATIVE_SATURATION * a * (1 - p)
        expected = torch.where(broadcast.bool(), a * x + b, torch.full_like(x, dropped_value))
        torch.testing.assert_close(y, expected)
        torch.testing.assert_close(grad, broadcast * a)
    else:
        torch.testing.assert_close(y, x * broadcast / (1 - p))
        torch.testing.assert_close(grad, broadcast / (1 - p), rtol=0, atol=0)
    assert torch.autograd.gradcheck(lambda t: ours(t, p, mask=mask), (x,))


@pytest.mark.parametrize("name", CASES)
def test_mask_from_the_same_seed_is_the_mask_torch_uses(name):
    ours, theirs, shape, mask_shape = CASES[name]
    x = torch.randn(shape)
    torch.manual_seed(2)
    mask = bernoulli_mask(mask_shape, 0.5)
    torch.manual_seed(2)
    torch.testing.assert_close(ours(x, 0.5, mask=mask), theirs(x, 0.5, True), rtol=0, atol=0)


@pytest.mark.parametrize("name", CASES)
def test_identity_in_eval_and_for_p_zero_zeros_for_p_one(name):
    ours, theirs, shape, _ = CASES[name]
    x = torch.randn(shape)
    assert ours(x, 0.5, training=False) is x
    assert ours(x, 0.0, training=True) is x
    same = theirs(x, 0.5, False)  # torch returns the same tensor (or a view of it)
    assert torch.equal(same, x) and same.data_ptr() == x.data_ptr()
    torch.testing.assert_close(ours(x, 1.0), torch.zeros_like(x), rtol=0, atol=0)
    torch.testing.assert_close(ours(x, 1.0), theirs(x, 1.0, True), rtol=0, atol=0)


def test_inverted_scaling_preserves_the_mean_and_drops_a_fraction_p():
    x = torch.ones(400_000)
    y = dropout(x, 0.3, generator=torch.Generator().manual_seed(0))
    assert y.unique().tolist() == [0.0, torch.tensor(1 / 0.7).item()]
    assert abs(y.mean().item() - 1.0) < 0.01
    assert abs((y == 0).float().mean().item() - 0.3) < 0.01


@pytest.mark.parametrize("p", [0.05, 0.2, 0.5])
def test_alpha_dropout_keeps_zero_mean_and_unit_variance(p):
    generator = torch.Generator().manual_seed(0)
    x = torch.randn(400_000, generator=generator, dtype=torch.float64)
    y = alpha_dropout(x, p, generator=generator)
    assert abs(y.mean().item()) < 0.01
    assert abs(y.std().item() - 1.0) < 0.01
    plain = dropout(x, p, generator=generator)
    assert abs(plain.std().item() - 1 / math.sqrt(1 - p)) < 0.01  # plain dropout does not


def test_alpha_coefficients_match_the_selu_paper():
    # a = (q + alpha'^2 q (1 - q))^(-1/2), b = -a (1 - q) alpha', q = keep probability
    alpha_prime = -1.0507009873554805 * 1.6732632423543772
    for p in (0.1, 0.5, 0.9):
        q = 1 - p
        a, b = alpha_dropout_coefficients(p)
        assert math.isclose(a, (q + alpha_prime**2 * q * (1 - q)) ** -0.5, rel_tol=1e-12)
        assert math.isclose(b, -a * (1 - q) * alpha_prime, rel_tol=1e-12)


def test_channelwise_masks_are_constant_over_positions():
    x = torch.ones(4, 6, 3, 5)
    y = dropout2d(x, 0.5, generator=torch.Generator().manual_seed(1))
    flat = y.flatten(2)
    assert torch.equal(flat, flat[:, :, :1].expand_as(flat))
    assert 0 < (flat[:, :, 0] == 0).sum() < 24


@settings(max_examples=40)
@given(
    shape=st.lists(st.integers(1, 4), min_size=2, max_size=5),
    p=st.floats(0.0, 1.0),
    seed=st.integers(0, 2**16),
    channelwise=st.booleans(),
)
def test_shapes_and_values_over_random_configurations(shape, p, seed, channelwise):
    x = torch.randn(shape)
    ours, theirs = (feature_dropout, F.dropout2d) if channelwise else (dropout, F.dropout)
    torch.manual_seed(seed)
    y = ours(x, p)
    torch.manual_seed(seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # dropout2d warns about ranks other than 3 and 4
        expected = theirs(x, p, True)
    assert y.shape == x.shape
    torch.testing.assert_close(y, expected, rtol=0, atol=0)


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (lambda: dropout(torch.ones(3), 1.5), ValueError, "p .*between 0 and 1"),
        (lambda: dropout(torch.ones(3), -0.1), ValueError, "p .*between 0 and 1"),
        (lambda: dropout(torch.ones(3), "0.5"), TypeError, "p must be a number"),
        (lambda: dropout([1.0, 2.0], 0.5), TypeError, "input must be a torch.Tensor"),
        (lambda: dropout(torch.ones(3, dtype=torch.long), 0.5), TypeError, "input"),
        (lambda: dropout(torch.ones(3), 0.5, mask=torch.ones(2)), ValueError, "mask"),
        (lambda: dropout2d(torch.ones(3, 4, 4), 0.5), ValueError, "input must be 4-D"),
        (lambda: dropout1d(torch.ones(2, 3, 4, 5), 0.5), ValueError, "input must be"),
        (lambda: dropout3d(torch.ones(2, 3), 0.5), ValueError, "input must be"),
        (lambda: feature_dropout(torch.ones(3), 0.5), ValueError, "input must have at least"),
        (lambda: alpha_dropout_coefficients(1.0), ValueError, "p must be < 1"),
    ],
)
def test_bad_arguments_raise_errors_naming_them(call, error, match):
    with pytest.raises(error, match=match):
        call()


# Facts about torch 2.13 that the page states.


def test_torch_dropout2d_reads_a_3d_input_as_n_c_l_and_warns():
    x = torch.ones(3, 8, 8)
    with pytest.warns(UserWarning, match="3D input to dropout2d"):
        torch.manual_seed(0)
        y = nn.Dropout2d(0.5)(x)
    rows = (y == 0).all(dim=2)  # whole rows are zero...
    assert rows.any() and not rows.all(dim=1).any()  # ...but no whole channel is
    torch.manual_seed(0)
    torch.testing.assert_close(y, dropout1d(x, 0.5), rtol=0, atol=0)


def test_torch_functional_defaults_and_alpha_dropout_inplace():
    x = torch.ones(1000)
    assert torch.equal(F.alpha_dropout(x, 0.5), x)  # training defaults to False
    assert torch.equal(F.feature_alpha_dropout(x.view(10, 100), 0.5), x.view(10, 100))
    assert not torch.equal(F.dropout(x, 0.5), x)  # training defaults to True
    module = nn.AlphaDropout(0.5, inplace=True)
    before = x.clone()
    module(x)
    assert torch.equal(x, before)  # inplace is accepted but ignored by the module
