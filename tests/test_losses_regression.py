"""Regression losses from scratch (nnref.losses.l1, huber, poisson_nll, gaussian_nll) against torch.

For every loss and option: values and gradients equal torch's for the three reductions,
gradcheck passes in float64, output shapes hold over random shapes (hypothesis), bad arguments
raise errors that name the argument, and the pitfalls shown on the pages behave as shown.
"""

import math
import warnings

import pytest
import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import nn

from nnref.losses.gaussian_nll import gaussian_nll_loss
from nnref.losses.huber import huber_loss, smooth_l1_loss
from nnref.losses.l1 import l1_loss
from nnref.losses.poisson_nll import poisson_nll_loss, stirling_term

REDUCTIONS = ["mean", "sum", "none"]
SHAPES = [(1,), (7,), (4, 3), (2, 3, 5)]
DOUBLE = torch.float64


def _pair(shape, seed=0, scale=1.0):
    """A float64 prediction and target that require gradients."""
    generator = torch.Generator().manual_seed(seed)
    x = (scale * torch.randn(shape, generator=generator, dtype=DOUBLE)).requires_grad_()
    y = torch.randn(shape, generator=generator, dtype=DOUBLE).requires_grad_()
    return x, y


def _same_values_and_gradients(ours, theirs, inputs):
    """Values equal, and the gradients for a random upstream gradient equal, for every input."""
    torch.testing.assert_close(ours, theirs)
    upstream = torch.randn_like(theirs)
    grads_ours = torch.autograd.grad(ours, inputs, upstream)
    grads_theirs = torch.autograd.grad(theirs, inputs, upstream)
    for mine, reference in zip(grads_ours, grads_theirs, strict=True):
        torch.testing.assert_close(mine, reference)


def _shapes():
    return st.lists(st.integers(1, 4), min_size=0, max_size=4).map(tuple)


# --------------------------------------------------------------------------------------------
# L1Loss
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("shape", SHAPES, ids=str)
def test_l1_loss_values_and_gradients_equal_torch(reduction, shape):
    x, y = _pair(shape)
    _same_values_and_gradients(
        l1_loss(x, y, reduction), F.l1_loss(x, y, reduction=reduction), (x, y)
    )
    torch.testing.assert_close(l1_loss(x, y, reduction), nn.L1Loss(reduction=reduction)(x, y))
    assert torch.autograd.gradcheck(lambda a, b: l1_loss(a, b, reduction), (x, y))


@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_l1_loss_weight_divides_the_mean_by_the_sum_of_weights(reduction):
    x, y = _pair((4, 3))
    weight = torch.rand(4, 3, dtype=DOUBLE, requires_grad=True)
    ours = l1_loss(x, y, reduction, weight=weight)
    _same_values_and_gradients(
        ours, F.l1_loss(x, y, reduction=reduction, weight=weight), (x, y, weight)
    )
    if reduction == "mean":
        manual = (weight * (x - y).abs()).sum() / weight.sum()
        torch.testing.assert_close(ours, manual)
    assert torch.autograd.gradcheck(
        lambda a, b, w: l1_loss(a, b, reduction, weight=w), (x, y, weight)
    )


def test_l1_loss_gradient_is_the_sign_and_zero_at_equality_like_torch():
    x = torch.tensor([1.0, 2.0, 3.0, -1.0], dtype=DOUBLE, requires_grad=True)
    y = torch.tensor([1.0, 1.0, 4.0, -1.0], dtype=DOUBLE, requires_grad=True)
    ours = torch.autograd.grad(l1_loss(x, y, "sum"), (x, y))
    theirs = torch.autograd.grad(F.l1_loss(x, y, reduction="sum"), (x, y))
    assert torch.equal(ours[0], torch.tensor([0.0, 1.0, -1.0, 0.0], dtype=DOUBLE))
    for mine, reference in zip(ours, theirs, strict=True):
        assert torch.equal(mine, reference)
    (mean_grad,) = torch.autograd.grad(l1_loss(x, y), x)
    torch.testing.assert_close(mean_grad, ours[0] / 4)


def test_l1_loss_accepts_complex_input_like_torch():
    x = torch.tensor([1 + 1j, 3 - 4j], dtype=torch.complex128)
    y = torch.zeros(2, dtype=torch.complex128)
    torch.testing.assert_close(l1_loss(x, y), F.l1_loss(x, y))
    torch.testing.assert_close(
        l1_loss(x, y, "sum").real, torch.tensor(math.sqrt(2) + 5.0, dtype=DOUBLE)
    )


def test_l1_loss_median_and_mse_mean_of_the_page():
    y = torch.tensor([1.0, 2.0, 3.0, 4.0, 100.0])
    constants = torch.linspace(0, 30, 3001)
    mse = torch.stack([F.mse_loss(torch.full_like(y, c), y) for c in constants])
    mae = torch.stack([l1_loss(torch.full_like(y, c), y) for c in constants])
    assert constants[mse.argmin()].item() == pytest.approx(y.mean().item(), abs=0.01)
    assert constants[mae.argmin()].item() == pytest.approx(y.median().item(), abs=0.01)


def test_l1_loss_broadcast_pitfall_warns_and_gives_the_wrong_value():
    prediction = torch.tensor([[1.0], [2.0], [3.0]])
    target = torch.tensor([1.0, 2.0, 3.0])
    with pytest.warns(UserWarning, match="different to the input size") as caught:
        ours = l1_loss(prediction, target)
    with pytest.warns(UserWarning, match="different to the input size"):
        theirs = nn.L1Loss()(prediction, target)
    assert caught[0].filename == __file__  # the warning points at the caller
    torch.testing.assert_close(ours, theirs)
    torch.testing.assert_close(theirs, torch.tensor(8 / 9))  # mean |i - j| over 3 x 3 pairs
    assert nn.L1Loss()(prediction.squeeze(1), target).item() == 0.0


@pytest.mark.parametrize(
    ("args", "kwargs", "error", "match"),
    [
        ((torch.randn(3), torch.randn(3)), {"reduction": "avg"}, ValueError, "reduction"),
        ((torch.randn(3), torch.randn(4)), {}, ValueError, "cannot be broadcast"),
        ((torch.randn(3), [1.0, 2.0, 3.0]), {}, TypeError, "target"),
        ((torch.tensor([1, 2]), torch.tensor([1, 2])), {}, TypeError, "input"),
        ((torch.randn(3), torch.randn(3)), {"weight": torch.ones(1)}, ValueError, "weight"),
        ((torch.randn(3), torch.randn(3)), {"weight": [1.0, 1.0, 1.0]}, TypeError, "weight"),
    ],
)
def test_l1_loss_rejects_bad_arguments(args, kwargs, error, match):
    with pytest.raises(error, match=match):
        l1_loss(*args, **kwargs)


@settings(max_examples=40)
@given(shape=_shapes(), reduction=st.sampled_from(REDUCTIONS))
def test_l1_loss_output_shape(shape, reduction):
    x, y = torch.randn(shape), torch.randn(shape)
    ours = l1_loss(x, y, reduction)
    assert ours.shape == (shape if reduction == "none" else ())
    torch.testing.assert_close(ours, F.l1_loss(x, y, reduction=reduction))


# --------------------------------------------------------------------------------------------
# HuberLoss and SmoothL1Loss
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("delta", [0.1, 1.0, 2.5])
@pytest.mark.parametrize("shape", SHAPES, ids=str)
def test_huber_loss_values_and_gradients_equal_torch(reduction, delta, shape):
    x, y = _pair(shape, scale=2.0)
    ours = huber_loss(x, y, reduction, delta=delta)
    _same_values_and_gradients(ours, F.huber_loss(x, y, reduction, delta=delta), (x, y))
    module = nn.HuberLoss(reduction=reduction, delta=delta)(x, y)
    torch.testing.assert_close(huber_loss(x, y, reduction, delta=delta), module)
    assert torch.autograd.gradcheck(lambda a, b: huber_loss(a, b, reduction, delta), (x, y))


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("beta", [0.0, 0.1, 1.0, 2.5])
@pytest.mark.parametrize("shape", SHAPES, ids=str)
def test_smooth_l1_loss_values_and_gradients_equal_torch(reduction, beta, shape):
    x, y = _pair(shape, scale=2.0)
    ours = smooth_l1_loss(x, y, reduction, beta=beta)
    theirs = F.smooth_l1_loss(x, y, reduction=reduction, beta=beta)
    _same_values_and_gradients(ours, theirs, (x, y))
    module = nn.SmoothL1Loss(reduction=reduction, beta=beta)(x, y)
    torch.testing.assert_close(smooth_l1_loss(x, y, reduction, beta=beta), module)
    assert torch.autograd.gradcheck(lambda a, b: smooth_l1_loss(a, b, reduction, beta), (x, y))


@pytest.mark.parametrize("threshold", [0.5, 1.0, 2.0])
def test_huber_and_smooth_l1_gradients_equal_torch_exactly_at_the_kinks(threshold):
    # e = 0 and e = +-threshold: where the pieces meet (and, for beta = 0, the kink of |e|)
    points = [0.0, threshold, -threshold, 3 * threshold, -3 * threshold]
    x = torch.tensor(points, dtype=DOUBLE, requires_grad=True)
    y = torch.zeros(len(points), dtype=DOUBLE)
    pairs = [
        (huber_loss(x, y, "sum", threshold), F.huber_loss(x, y, "sum", threshold)),
        (
            smooth_l1_loss(x, y, "sum", threshold),
            F.smooth_l1_loss(x, y, reduction="sum", beta=threshold),
        ),
        (smooth_l1_loss(x, y, "sum", 0.0), F.smooth_l1_loss(x, y, reduction="sum", beta=0.0)),
    ]
    for ours, theirs in pairs:
        assert torch.equal(ours, theirs)
        (g_ours,) = torch.autograd.grad(ours, x)
        (g_theirs,) = torch.autograd.grad(theirs, x)
        assert torch.equal(g_ours, g_theirs)
    (huber_grad,) = torch.autograd.grad(huber_loss(x, y, "sum", threshold), x)
    assert torch.equal(huber_grad, x.detach().clamp(-threshold, threshold))


@pytest.mark.parametrize("threshold", [0.1, 0.5, 1.0, 3.0])
def test_huber_is_delta_times_smooth_l1_with_beta_equal_delta(threshold):
    x, y = _pair((5, 4), scale=2.0)
    huber = huber_loss(x, y, "none", threshold)
    smooth = smooth_l1_loss(x, y, "none", threshold)
    torch.testing.assert_close(huber, threshold * smooth)
    torch.testing.assert_close(
        F.huber_loss(x, y, "none", threshold),
        threshold * F.smooth_l1_loss(x, y, reduction="none", beta=threshold),
    )
    torch.testing.assert_close(smooth_l1_loss(x, y, "none", 0.0), (x - y).abs())


def test_huber_loss_with_a_large_delta_is_half_the_mse():
    x, y = _pair((6,))
    torch.testing.assert_close(huber_loss(x, y, delta=100.0), F.mse_loss(x, y) / 2)


@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_huber_loss_weight_divides_the_mean_by_the_number_of_elements(reduction):
    x, y = _pair((4, 3), scale=2.0)
    weight = torch.rand(4, 3, dtype=DOUBLE, requires_grad=True)
    ours = huber_loss(x, y, reduction, 0.7, weight)
    _same_values_and_gradients(
        ours, F.huber_loss(x, y, reduction, delta=0.7, weight=weight), (x, y, weight)
    )
    if reduction == "mean":
        elementwise = huber_loss(x, y, "none", 0.7)
        torch.testing.assert_close(ours, (weight * elementwise).sum() / weight.numel())
    assert torch.autograd.gradcheck(
        lambda a, b, w: huber_loss(a, b, reduction, 0.7, w), (x, y, weight)
    )


def test_weighted_mean_pitfall_of_the_page():
    prediction, target = torch.tensor([1.0, 2.0, 4.0]), torch.zeros(3)
    weight = torch.tensor([0.0, 0.0, 1.0])
    assert F.mse_loss(prediction, target, weight=weight).item() == 16.0
    assert F.huber_loss(prediction, target, delta=10.0, weight=weight).item() == pytest.approx(
        8 / 3
    )
    assert huber_loss(prediction, target, delta=10.0, weight=weight).item() == pytest.approx(8 / 3)


def test_smooth_l1_and_huber_with_the_same_threshold_differ_by_that_factor():
    prediction = torch.tensor([0.0, 0.05, 2.0], requires_grad=True)
    target = torch.zeros(3)
    (smooth,) = torch.autograd.grad(
        nn.SmoothL1Loss(beta=0.1, reduction="sum")(prediction, target), prediction
    )
    (huber,) = torch.autograd.grad(
        nn.HuberLoss(delta=0.1, reduction="sum")(prediction, target), prediction
    )
    torch.testing.assert_close(smooth, torch.tensor([0.0, 0.5, 1.0]))
    torch.testing.assert_close(huber, 0.1 * smooth)


def test_positional_threshold_pitfall_of_the_page():
    with pytest.warns(UserWarning, match="deprecated"):
        smooth = nn.SmoothL1Loss(0.5)  # size_average=0.5: beta stays 1.0
    assert smooth.beta == 1.0 and smooth.reduction == "mean"
    with pytest.raises(ValueError, match="reduction"):
        nn.HuberLoss(0.5)(torch.zeros(2), torch.ones(2))  # reduction=0.5


def test_huber_family_warns_on_broadcasting_like_torch():
    prediction, target = torch.randn(3, 1), torch.randn(3)
    for ours_fn, torch_fn in ((huber_loss, F.huber_loss), (smooth_l1_loss, F.smooth_l1_loss)):
        with pytest.warns(UserWarning, match="different to the input size") as caught:
            ours = ours_fn(prediction, target)
        with pytest.warns(UserWarning, match="different to the input size"):
            theirs = torch_fn(prediction, target)
        assert caught[0].filename == __file__
        torch.testing.assert_close(ours, theirs)


@pytest.mark.parametrize(
    ("function", "kwargs", "error", "match"),
    [
        (huber_loss, {"delta": 0.0}, ValueError, "delta"),
        (huber_loss, {"delta": -1.0}, ValueError, "delta"),
        (huber_loss, {"delta": "1"}, TypeError, "delta"),
        (huber_loss, {"delta": True}, TypeError, "delta"),
        (huber_loss, {"reduction": "avg"}, ValueError, "reduction"),
        (huber_loss, {"weight": torch.ones(2)}, ValueError, "weight"),
        (smooth_l1_loss, {"beta": -0.5}, ValueError, "beta"),
        (smooth_l1_loss, {"beta": None}, TypeError, "beta"),
        (smooth_l1_loss, {"reduction": "batchmean"}, ValueError, "reduction"),
    ],
)
def test_huber_family_rejects_bad_arguments(function, kwargs, error, match):
    with pytest.raises(error, match=match):
        function(torch.randn(3), torch.randn(3), **kwargs)


def test_torch_rejects_the_same_thresholds():
    with pytest.raises(RuntimeError, match="delta"):
        F.huber_loss(torch.randn(3), torch.randn(3), delta=0.0)
    with pytest.raises(RuntimeError, match="beta"):
        F.smooth_l1_loss(torch.randn(3), torch.randn(3), beta=-0.5)
    with pytest.raises(TypeError, match="delta"):
        nn.HuberLoss(delta="1")


@settings(max_examples=40)
@given(
    shape=_shapes(),
    reduction=st.sampled_from(REDUCTIONS),
    threshold=st.floats(0.05, 5.0),
)
def test_huber_family_output_shape(shape, reduction, threshold):
    x, y = torch.randn(shape, dtype=DOUBLE), torch.randn(shape, dtype=DOUBLE)
    expected = shape if reduction == "none" else ()
    huber = huber_loss(x, y, reduction, threshold)
    smooth = smooth_l1_loss(x, y, reduction, threshold)
    assert huber.shape == smooth.shape == expected
    torch.testing.assert_close(huber, F.huber_loss(x, y, reduction, threshold))
    torch.testing.assert_close(smooth, F.smooth_l1_loss(x, y, reduction=reduction, beta=threshold))


# --------------------------------------------------------------------------------------------
# PoissonNLLLoss
# --------------------------------------------------------------------------------------------


def _poisson_data(shape, seed=0):
    """An output in (0.05, 2) (a log-rate or a positive rate) and counts 0..6 as floats."""
    generator = torch.Generator().manual_seed(seed)
    output = 0.05 + 1.95 * torch.rand(shape, generator=generator, dtype=DOUBLE)
    counts = torch.randint(0, 7, shape, generator=generator).to(DOUBLE)
    return output.requires_grad_(), counts


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("log_input", [True, False])
@pytest.mark.parametrize("full", [False, True])
@pytest.mark.parametrize("shape", SHAPES, ids=str)
def test_poisson_nll_loss_values_and_gradients_equal_torch(reduction, log_input, full, shape):
    output, counts = _poisson_data(shape)
    options = {"log_input": log_input, "full": full, "reduction": reduction}
    ours = poisson_nll_loss(output, counts, **options)
    _same_values_and_gradients(ours, F.poisson_nll_loss(output, counts, **options), (output,))
    module = nn.PoissonNLLLoss(log_input=log_input, full=full, reduction=reduction)
    torch.testing.assert_close(poisson_nll_loss(output, counts, **options), module(output, counts))
    assert torch.autograd.gradcheck(lambda o: poisson_nll_loss(o, counts, **options), (output,))


@pytest.mark.parametrize("log_input", [True, False])
@pytest.mark.parametrize("eps", [1e-8, 0.1])
def test_poisson_nll_loss_target_gradients_and_eps_equal_torch(log_input, eps):
    # targets away from k = 1, where the Stirling term switches on
    generator = torch.Generator().manual_seed(1)
    output = (0.1 + torch.rand(8, generator=generator, dtype=DOUBLE)).requires_grad_()
    target = torch.cat(
        [0.1 + 0.8 * torch.rand(4, dtype=DOUBLE), 1.5 + 4 * torch.rand(4, dtype=DOUBLE)]
    )
    target.requires_grad_()
    for full in (False, True):
        options = {"log_input": log_input, "full": full, "eps": eps, "reduction": "sum"}
        _same_values_and_gradients(
            poisson_nll_loss(output, target, **options),
            F.poisson_nll_loss(output, target, **options),
            (output, target),
        )
        assert torch.autograd.gradcheck(
            lambda o, t, opts=options: poisson_nll_loss(o, t, **opts), (output, target)
        )


def test_poisson_nll_loss_formulas_stirling_mask_and_zero_rate():
    log_rate = torch.tensor([0.0, 1.0, 2.0], dtype=DOUBLE)
    counts = torch.tensor([1.0, 3.0, 5.0], dtype=DOUBLE)
    loss = poisson_nll_loss(log_rate, counts, reduction="none")
    torch.testing.assert_close(loss, log_rate.exp() - counts * log_rate)
    rate_loss = poisson_nll_loss(log_rate.exp(), counts, log_input=False, reduction="none")
    torch.testing.assert_close(rate_loss, loss, atol=1e-7, rtol=0)  # same NLL, up to eps
    # full=True adds log(k!) by Stirling's formula where k > 1, and nothing where k <= 1
    k = torch.tensor([0.0, 0.5, 1.0, 2.0, 10.0, 50.0], dtype=DOUBLE)
    term = stirling_term(k)
    assert torch.equal(term[:3], torch.zeros(3, dtype=DOUBLE))
    # Stirling's formula undershoots log(k!) by about 1 / (12 k)
    gap = torch.lgamma(k[3:] + 1) - term[3:]
    assert ((gap > 0) & (gap < 1 / (12 * k[3:]))).all()
    torch.testing.assert_close(gap, 1 / (12 * k[3:]), rtol=0.02, atol=0)
    full = poisson_nll_loss(log_rate, counts, full=True, reduction="none")
    torch.testing.assert_close(full - loss, stirling_term(counts))
    # eps keeps a zero rate finite: 0 - k log(eps)
    zero_rate = poisson_nll_loss(torch.zeros(1), torch.tensor([2.0]), log_input=False, eps=1e-8)
    torch.testing.assert_close(zero_rate, torch.tensor(-2 * math.log(1e-8)))


def test_poisson_full_does_not_change_the_input_gradient():
    output, counts = _poisson_data((5,))
    for log_input in (True, False):
        (plain,) = torch.autograd.grad(poisson_nll_loss(output, counts, log_input), output)
        (full,) = torch.autograd.grad(poisson_nll_loss(output, counts, log_input, True), output)
        torch.testing.assert_close(plain, full)


def test_poisson_target_gradient_at_zero_count_is_nan_like_torch():
    output = torch.tensor([0.3, 0.3], dtype=DOUBLE)
    target = torch.tensor([0.0, 3.0], dtype=DOUBLE, requires_grad=True)
    (ours,) = torch.autograd.grad(
        poisson_nll_loss(output, target, full=True, reduction="sum"), target
    )
    (theirs,) = torch.autograd.grad(
        F.poisson_nll_loss(output, target, full=True, reduction="sum"), target
    )
    torch.testing.assert_close(ours, theirs, equal_nan=True)
    assert torch.isnan(ours[0]) and torch.isfinite(ours[1])


def test_poisson_nll_loss_broadcasts_silently_like_torch():
    output, counts = torch.rand(3, 1), torch.tensor([1.0, 2.0, 3.0])
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # neither warns
        ours = poisson_nll_loss(output, counts, reduction="none")
        theirs = F.poisson_nll_loss(output, counts, reduction="none")
    assert ours.shape == theirs.shape == (3, 3)
    torch.testing.assert_close(ours, theirs)


def test_poisson_log_input_pitfall_of_the_page():
    counts = torch.tensor([2.0, 3.0, 4.0])
    outputs = torch.linspace(0.01, 5, 500)

    def best(loss_fn):
        losses = torch.stack([loss_fn(torch.full_like(counts, o), counts) for o in outputs])
        return outputs[losses.argmin()].item()

    # log_input=True is minimised by the log of the mean count: read as a rate, it is wrong
    assert best(nn.PoissonNLLLoss()) == pytest.approx(math.log(3.0), abs=0.01)
    assert best(nn.PoissonNLLLoss(log_input=False)) == pytest.approx(3.0, abs=0.01)
    # a negative rate with log_input=False gives nan; softplus or log_input=True do not
    raw, target = torch.tensor([-0.5, 0.0, 2.0]), torch.tensor([1.0, 0.0, 2.0])
    rate_loss = nn.PoissonNLLLoss(log_input=False, reduction="none")
    assert torch.isnan(rate_loss(raw, target)[0])
    assert torch.isnan(poisson_nll_loss(raw, target, log_input=False, reduction="none")[0])
    assert torch.isfinite(rate_loss(F.softplus(raw), target)).all()
    assert torch.isfinite(nn.PoissonNLLLoss(reduction="none")(raw, target)).all()


@pytest.mark.parametrize(
    ("args", "kwargs", "error", "match"),
    [
        ((torch.randn(3), torch.rand(3)), {"reduction": "avg"}, ValueError, "reduction"),
        ((torch.randn(3), torch.rand(3)), {"log_input": 1}, TypeError, "log_input"),
        ((torch.randn(3), torch.rand(3)), {"full": "yes"}, TypeError, "full"),
        ((torch.randn(3), torch.rand(3)), {"eps": -1e-8}, ValueError, "eps"),
        ((torch.randn(3), torch.rand(4)), {}, ValueError, "cannot be broadcast"),
        ((torch.tensor([1, 2]), [1.0, 2.0]), {}, TypeError, "target"),
        ((torch.randn(2), (1.0, 2.0)), {}, TypeError, "target"),
    ],
)
def test_poisson_nll_loss_rejects_bad_arguments(args, kwargs, error, match):
    with pytest.raises(error, match=match):
        poisson_nll_loss(*args, **kwargs)


@settings(max_examples=40)
@given(
    shape=_shapes(),
    reduction=st.sampled_from(REDUCTIONS),
    log_input=st.booleans(),
    full=st.booleans(),
)
def test_poisson_nll_loss_output_shape(shape, reduction, log_input, full):
    output = torch.rand(shape, dtype=DOUBLE) + 0.1
    counts = torch.randint(0, 5, shape).to(DOUBLE)
    ours = poisson_nll_loss(output, counts, log_input, full, reduction=reduction)
    assert ours.shape == (shape if reduction == "none" else ())
    theirs = F.poisson_nll_loss(output, counts, log_input, full, reduction=reduction)
    torch.testing.assert_close(ours, theirs)


# --------------------------------------------------------------------------------------------
# GaussianNLLLoss
# --------------------------------------------------------------------------------------------

# (input shape, var shape): heteroscedastic, one fewer dimension, last dimension 1, another
# dimension 1, and a 1-D input with a 0-D var (which torch accepts as "one fewer dimension").
VAR_SHAPES = [
    ((4, 3), (4, 3)),
    ((4, 3), (4,)),
    ((4, 3), (4, 1)),
    ((4, 3, 5), (4, 1, 5)),
    ((6,), ()),
    ((6,), (1,)),
]


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("full", [False, True])
@pytest.mark.parametrize(("shape", "var_shape"), VAR_SHAPES, ids=str)
def test_gaussian_nll_loss_values_and_gradients_equal_torch(reduction, full, shape, var_shape):
    mean, target = _pair(shape)
    var = (0.1 + torch.rand(var_shape, dtype=DOUBLE)).requires_grad_()
    options = {"full": full, "reduction": reduction}
    ours = gaussian_nll_loss(mean, target, var, **options)
    theirs = F.gaussian_nll_loss(mean, target, var, **options)
    _same_values_and_gradients(ours, theirs, (mean, target, var))
    module = nn.GaussianNLLLoss(full=full, reduction=reduction)(mean, target, var)
    torch.testing.assert_close(gaussian_nll_loss(mean, target, var, **options), module)
    assert torch.autograd.gradcheck(
        lambda m, t, v: gaussian_nll_loss(m, t, v, **options), (mean, target, var)
    )


@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_gaussian_nll_loss_with_a_float_variance(reduction):
    mean, target = _pair((4, 3))
    _same_values_and_gradients(
        gaussian_nll_loss(mean, target, 0.5, reduction=reduction),
        F.gaussian_nll_loss(mean, target, 0.5, reduction=reduction),
        (mean, target),
    )
    # var = 1 without the constant: half the mean squared error
    torch.testing.assert_close(gaussian_nll_loss(mean, target, 1.0), F.mse_loss(mean, target) / 2)
    constant = gaussian_nll_loss(mean, target, 1.0, full=True) - gaussian_nll_loss(
        mean, target, 1.0
    )
    torch.testing.assert_close(constant, torch.tensor(0.5 * math.log(2 * math.pi), dtype=DOUBLE))


@pytest.mark.parametrize("eps", [1e-6, 0.05])
def test_gaussian_clamp_uses_eps_for_the_value_and_passes_the_gradient_straight_through(eps):
    mean = torch.tensor([0.0, 0.1, 1.0, 0.5], dtype=DOUBLE, requires_grad=True)
    target = torch.zeros(4, dtype=DOUBLE)
    var = torch.tensor([1e-9, 0.0, 2.0, 0.01], dtype=DOUBLE, requires_grad=True)
    ours = gaussian_nll_loss(mean, target, var, eps=eps, reduction="none")
    theirs = F.gaussian_nll_loss(mean, target, var, eps=eps, reduction="none")
    _same_values_and_gradients(ours, theirs, (mean, var))
    clamped = var.detach().clamp(min=eps)
    torch.testing.assert_close(ours.detach(), 0.5 * (clamped.log() + mean.detach() ** 2 / clamped))
    # The gradient for var is d loss / d v at the clamped v, even where var < eps (not 0)
    (g_var,) = torch.autograd.grad(
        gaussian_nll_loss(mean, target, var, eps=eps, reduction="sum"), var
    )
    expected = 0.5 / clamped - 0.5 * mean.detach() ** 2 / clamped**2
    torch.testing.assert_close(g_var, expected)
    assert g_var[0] != 0 and g_var[1] != 0


def test_gaussian_nll_with_full_is_the_normal_log_density_which_takes_the_std():
    mean, target = _pair((5, 2))
    var = 0.1 + torch.rand(5, 2, dtype=DOUBLE)
    normal = torch.distributions.Normal(mean, var.sqrt())  # scale = standard deviation
    torch.testing.assert_close(
        gaussian_nll_loss(mean, target, var, full=True, reduction="none"),
        -normal.log_prob(target),
    )


def test_gaussian_std_instead_of_variance_pitfall_of_the_page():
    target = torch.tensor([-2.0, 2.0, -2.0, 2.0])
    mean = torch.zeros(4)
    sigmas = torch.linspace(0.5, 6, 551)

    def best(to_var):
        losses = torch.stack(
            [gaussian_nll_loss(mean, target, to_var(torch.full((4,), s))) for s in sigmas]
        )
        return sigmas[losses.argmin()].item()

    # the NLL is minimised by var = mean squared error = 4: a "sigma" passed as var becomes 4
    assert best(lambda s: s) == pytest.approx(4.0, abs=0.01)
    assert best(lambda s: s**2) == pytest.approx(2.0, abs=0.01)


def test_gaussian_target_broadcasts_silently_like_torch():
    mean, var = torch.tensor([[1.0], [2.0], [3.0]]), torch.ones(3, 1)
    target = torch.tensor([1.0, 2.0, 3.0])
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # neither warns
        ours = gaussian_nll_loss(mean, target, var, reduction="none")
        theirs = F.gaussian_nll_loss(mean, target, var, reduction="none")
    assert ours.shape == theirs.shape == (3, 3)
    torch.testing.assert_close(ours, theirs)
    torch.testing.assert_close(theirs.mean(), torch.tensor(2 / 3))  # 0.5 * mean (i - j)^2
    assert F.gaussian_nll_loss(mean.squeeze(1), target, var.squeeze(1)).item() == 0.0


@pytest.mark.parametrize(
    ("var", "kwargs", "error", "match"),
    [
        (torch.tensor([1.0, -1.0, 1.0, 1.0]), {}, ValueError, "var"),
        (-1.0, {}, ValueError, "var"),
        (1, {}, TypeError, "var"),
        ([1.0] * 4, {}, TypeError, "var"),
        (torch.ones(3), {}, ValueError, "var"),
        (torch.ones(4, 3, 1), {}, ValueError, "var"),
        (torch.ones(1, 1), {}, ValueError, "var"),
        (torch.ones(4, 3, dtype=torch.long), {}, TypeError, "var"),
        (torch.ones(4, 3), {"reduction": "avg"}, ValueError, "reduction"),
        (torch.ones(4, 3), {"full": 1}, TypeError, "full"),
        (torch.ones(4, 3), {"eps": -1.0}, ValueError, "eps"),
    ],
)
def test_gaussian_nll_loss_rejects_bad_arguments(var, kwargs, error, match):
    mean, target = torch.randn(4, 3), torch.randn(4, 3)
    with pytest.raises(error, match=match):
        gaussian_nll_loss(mean, target, var, **kwargs)


@pytest.mark.parametrize(
    "var",
    [
        torch.tensor([1.0, -1.0, 1.0, 1.0]),
        -1.0,
        1,
        torch.ones(3),
        torch.ones(1, 1),
        torch.ones(4, 3, dtype=torch.long),
    ],
)
def test_torch_rejects_the_same_variances(var):
    with pytest.raises((ValueError, TypeError, RuntimeError)):
        F.gaussian_nll_loss(torch.randn(4, 3), torch.randn(4, 3), var)


@st.composite
def _gaussian_shapes(draw):
    """An input shape and a var shape that torch accepts for it."""
    shape = draw(st.lists(st.integers(2, 4), min_size=1, max_size=4).map(tuple))
    kind = draw(st.sampled_from(["same", "fewer", "one"]))
    if kind == "same":
        return shape, shape
    if kind == "fewer":
        return shape, shape[:-1]
    axis = draw(st.integers(0, len(shape) - 1))
    return shape, (*shape[:axis], 1, *shape[axis + 1 :])


@settings(max_examples=40)
@given(shapes=_gaussian_shapes(), reduction=st.sampled_from(REDUCTIONS), full=st.booleans())
def test_gaussian_nll_loss_output_shape(shapes, reduction, full):
    shape, var_shape = shapes
    mean, target = torch.randn(shape, dtype=DOUBLE), torch.randn(shape, dtype=DOUBLE)
    var = torch.rand(var_shape, dtype=DOUBLE) + 0.1
    ours = gaussian_nll_loss(mean, target, var, full=full, reduction=reduction)
    assert ours.shape == (shape if reduction == "none" else ())
    theirs = F.gaussian_nll_loss(mean, target, var, full=full, reduction=reduction)
    torch.testing.assert_close(ours, theirs)


# --------------------------------------------------------------------------------------------
# Dtypes (the tables of the pages)
# --------------------------------------------------------------------------------------------

_F32, _F64, _LONG = torch.float32, torch.float64, torch.long


# (ours, torch's) for every loss of this file, with their extra arguments bound
_LOSS_PAIRS = {
    "l1": (l1_loss, F.l1_loss),
    "huber": (huber_loss, F.huber_loss),
    "smooth_l1": (smooth_l1_loss, F.smooth_l1_loss),
    "smooth_l1 beta=0": (
        lambda x, y: smooth_l1_loss(x, y, beta=0.0),
        lambda x, y: F.smooth_l1_loss(x, y, beta=0.0),
    ),
    "poisson": (poisson_nll_loss, F.poisson_nll_loss),
    "poisson rate full": (
        lambda x, y: poisson_nll_loss(x, y, False, True),
        lambda x, y: F.poisson_nll_loss(x, y, False, True),
    ),
    "gaussian": (
        lambda x, y: gaussian_nll_loss(x, y, torch.ones(4)),
        lambda x, y: F.gaussian_nll_loss(x, y, torch.ones(4)),
    ),
    "gaussian float var": (
        lambda x, y: gaussian_nll_loss(x, y, 2.0),
        lambda x, y: F.gaussian_nll_loss(x, y, 2.0),
    ),
}


@pytest.mark.parametrize(
    ("input_dtype", "target_dtype"),
    [(_F32, _F64), (_F64, _F32), (_F32, _LONG), (_LONG, _F32), (_LONG, _LONG)],
    ids=str,
)
@pytest.mark.parametrize("name", list(_LOSS_PAIRS))
def test_output_dtype_and_dtype_errors_equal_torch(name, input_dtype, target_dtype):
    ours_fn, torch_fn = _LOSS_PAIRS[name]
    x = torch.tensor([0.5, 1.0, 2.0, 3.0]).to(input_dtype)
    y = torch.tensor([1.0, 0.0, 2.0, 5.0]).to(target_dtype)
    try:
        theirs = torch_fn(x, y)
    except (RuntimeError, NotImplementedError):
        with pytest.raises(TypeError, match="input"):
            ours_fn(x, y)
        return
    ours = ours_fn(x, y)
    assert ours.dtype == theirs.dtype, name
    torch.testing.assert_close(ours, theirs)


def test_huber_keeps_the_input_dtype_and_the_others_promote():
    x, y = torch.randn(5), torch.randn(5, dtype=DOUBLE)
    assert F.huber_loss(x, y).dtype == huber_loss(x, y).dtype == torch.float32
    assert F.smooth_l1_loss(x, y).dtype == smooth_l1_loss(x, y).dtype == DOUBLE
    assert F.l1_loss(x, y).dtype == l1_loss(x, y).dtype == DOUBLE
    with pytest.raises(RuntimeError):  # an integer input, even with a float target
        F.huber_loss(torch.arange(5), x)
    complex_loss = l1_loss(torch.randn(3, dtype=torch.cfloat), torch.zeros(3, dtype=torch.cfloat))
    assert complex_loss.dtype == torch.float32  # the modulus is real
