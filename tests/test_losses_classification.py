"""Classification losses from scratch (nnref.losses.*) against torch: values, gradients, errors.

Covers CrossEntropyLoss, NLLLoss (and NLLLoss2d), BCELoss, BCEWithLogitsLoss, KLDivLoss,
LinearCrossEntropyLoss with LinearCrossEntropyOptions, and AdaptiveLogSoftmaxWithLoss, plus the
pitfalls the pages demonstrate.
"""

import warnings

import pytest
import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import nn

from nnref.losses.adaptive_log_softmax import (
    AdaptiveSoftmaxParams,
    adaptive_log_prob,
    adaptive_log_softmax_with_loss,
    adaptive_predict,
    cluster_sizes,
)
from nnref.losses.bce import binary_cross_entropy, binary_cross_entropy_with_logits, log_sigmoid
from nnref.losses.cross_entropy import cross_entropy, log_softmax
from nnref.losses.kl_div import kl_div
from nnref.losses.linear_cross_entropy import aspect_ratio_chunk_size, linear_cross_entropy
from nnref.losses.nll import nll_loss

REDUCTIONS = ["mean", "sum", "none"]
DOUBLE = torch.float64


def _same_values_and_gradients(ours, theirs, inputs):
    """Equal values, and equal vector-Jacobian products for a random upstream gradient."""
    torch.testing.assert_close(ours, theirs)
    upstream = torch.randn_like(theirs)
    for mine, reference in zip(
        torch.autograd.grad(ours, inputs, upstream),
        torch.autograd.grad(theirs, inputs, upstream),
        strict=True,
    ):
        torch.testing.assert_close(mine, reference)


def _logits(*shape, seed=0):
    torch.manual_seed(seed)
    return torch.randn(*shape, dtype=DOUBLE, requires_grad=True)


# --------------------------------------------------------------------------------------------
# CrossEntropyLoss
# --------------------------------------------------------------------------------------------

CE_SHAPES = [(3,), (5, 4), (4, 3, 6), (2, 3, 2, 3)]


def _index_target(shape, ignore=True, seed=1):
    """Class indices for an input of ``shape`` (class dimension 1, or 0 when unbatched)."""
    torch.manual_seed(seed)
    classes = shape[0] if len(shape) == 1 else shape[1]
    target_shape = () if len(shape) == 1 else (shape[0], *shape[2:])
    target = torch.randint(0, classes, target_shape)
    if ignore and target.dim() > 0:
        target.view(-1)[0] = -100
    return target


def _probability_target(shape, seed=2):
    torch.manual_seed(seed)
    return torch.randn(shape, dtype=DOUBLE).softmax(dim=0 if len(shape) == 1 else 1)


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("shape", CE_SHAPES, ids=str)
@pytest.mark.parametrize("label_smoothing", [0.0, 0.25])
@pytest.mark.parametrize("weighted", [False, True], ids=["unweighted", "weighted"])
def test_cross_entropy_with_indices_matches_torch(shape, reduction, label_smoothing, weighted):
    x = _logits(*shape)
    y = _index_target(shape)
    classes = shape[0] if len(shape) == 1 else shape[1]
    weight = torch.linspace(0.5, 2.0, classes, dtype=DOUBLE) if weighted else None
    options = dict(weight=weight, reduction=reduction, label_smoothing=label_smoothing)
    ours, theirs = cross_entropy(x, y, **options), F.cross_entropy(x, y, **options)
    _same_values_and_gradients(ours, theirs, (x,))
    module = nn.CrossEntropyLoss(**options)(x, y)
    torch.testing.assert_close(ours, module)


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("shape", CE_SHAPES, ids=str)
@pytest.mark.parametrize("label_smoothing", [0.0, 0.3])
def test_cross_entropy_with_probabilities_matches_torch_for_input_and_target(
    shape, reduction, label_smoothing
):
    x = _logits(*shape)
    t = _probability_target(shape).requires_grad_()
    classes = shape[0] if len(shape) == 1 else shape[1]
    weight = torch.linspace(2.0, 0.5, classes, dtype=DOUBLE)
    options = dict(weight=weight, reduction=reduction, label_smoothing=label_smoothing)
    ours, theirs = cross_entropy(x, t, **options), F.cross_entropy(x, t, **options)
    _same_values_and_gradients(ours, theirs, (x, t))


def test_cross_entropy_passes_gradcheck_for_both_kinds_of_target():
    x = _logits(4, 3, 2)
    y = _index_target((4, 3, 2))
    weight = torch.tensor([0.5, 1.0, 2.0], dtype=DOUBLE)
    assert torch.autograd.gradcheck(
        lambda a: cross_entropy(a, y, weight=weight, label_smoothing=0.2), (x,)
    )
    t = _probability_target((4, 3, 2)).requires_grad_()
    assert torch.autograd.gradcheck(lambda a, b: cross_entropy(a, b, weight=weight), (x, t))


def test_cross_entropy_weighted_mean_divides_by_the_weights_of_the_target_classes():
    x = _logits(4, 3)
    y = torch.tensor([0, 2, 2, -100])
    weight = torch.tensor([1.0, 2.0, 4.0], dtype=DOUBLE)
    per_sample = F.cross_entropy(x, y, weight=weight, reduction="none")
    expected = per_sample.sum() / (1.0 + 4.0 + 4.0)
    torch.testing.assert_close(cross_entropy(x, y, weight=weight), expected)
    torch.testing.assert_close(F.cross_entropy(x, y, weight=weight), expected)
    # With probability targets the mean divides by the number of rows instead.
    t = _probability_target((4, 3))
    per_row = F.cross_entropy(x, t, weight=weight, reduction="none")
    torch.testing.assert_close(F.cross_entropy(x, t, weight=weight), per_row.sum() / 4)
    torch.testing.assert_close(cross_entropy(x, t, weight=weight), per_row.sum() / 4)


def test_cross_entropy_label_smoothing_is_the_formula_on_the_page():
    x = _logits(5, 4)
    y = torch.tensor([0, 3, -100, 1, 1])
    weight = torch.tensor([1.0, 2.0, 0.5, 3.0], dtype=DOUBLE)
    eps, classes = 0.2, 4
    log_p = x.log_softmax(dim=1)
    valid = y != -100
    safe = y.clamp(min=0)
    w_y = weight[safe] * valid
    nll = -(w_y * log_p[torch.arange(5), safe])
    uniform = -(weight * log_p).sum(dim=1) * valid
    expected = ((1 - eps) * nll.sum() + eps / classes * uniform.sum()) / w_y.sum()
    torch.testing.assert_close(F.cross_entropy(x, y, weight=weight, label_smoothing=eps), expected)
    torch.testing.assert_close(cross_entropy(x, y, weight=weight, label_smoothing=eps), expected)


def test_cross_entropy_smoothed_indices_are_the_smoothed_target_up_to_the_mean_divisor():
    x = _logits(5, 4)
    y = torch.tensor([0, 3, 2, 1, 1])
    weight = torch.tensor([1.0, 2.0, 0.5, 3.0], dtype=DOUBLE)
    eps = 0.2
    smoothed = (1 - eps) * F.one_hot(y, 4).to(DOUBLE) + eps / 4
    options = dict(weight=weight, label_smoothing=eps)
    for f in (F.cross_entropy, cross_entropy):
        per_index = f(x, y, reduction="none", **options)
        per_probability = f(x, smoothed, weight=weight, reduction="none")
        torch.testing.assert_close(per_index, per_probability)
        torch.testing.assert_close(f(x, y, **options), per_index.sum() / weight[y].sum())
        torch.testing.assert_close(f(x, smoothed, weight=weight), per_index.sum() / 5)


def test_cross_entropy_every_target_ignored_gives_nan_mean_and_zero_sum():
    x = _logits(2, 3)
    y = torch.tensor([-100, -100])
    assert torch.isnan(cross_entropy(x, y)) and torch.isnan(F.cross_entropy(x, y))
    assert cross_entropy(x, y, reduction="sum").item() == 0.0


def test_cross_entropy_accepts_uint8_indices_like_torch():
    x = _logits(4, 3)
    y = torch.tensor([0, 2, 1, 1], dtype=torch.uint8)
    torch.testing.assert_close(cross_entropy(x, y), F.cross_entropy(x, y))


def test_log_softmax_matches_torch_and_survives_large_logits():
    x = torch.tensor([[1000.0, 0.0, -1000.0], [1.0, 2.0, 3.0]], dtype=DOUBLE)
    torch.testing.assert_close(log_softmax(x, 1), x.log_softmax(dim=1))
    assert torch.isfinite(log_softmax(x, 1)[:, :2]).all()


@settings(max_examples=40)
@given(
    batch=st.integers(1, 4),
    classes=st.integers(2, 5),
    extra=st.lists(st.integers(1, 3), max_size=2),
    reduction=st.sampled_from(REDUCTIONS),
    probabilities=st.booleans(),
)
def test_cross_entropy_output_shape_matches_torch(batch, classes, extra, reduction, probabilities):
    shape = (batch, classes, *extra)
    x = torch.randn(shape)
    if probabilities:
        target = torch.randn(shape).softmax(dim=1)
    else:
        target = torch.randint(0, classes, (batch, *extra))
    ours = cross_entropy(x, target, reduction=reduction)
    theirs = F.cross_entropy(x, target, reduction=reduction)
    assert ours.shape == theirs.shape
    torch.testing.assert_close(ours, theirs)


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        (dict(target=torch.tensor([0.0, 1.0, 2.0])), TypeError, "target"),
        (dict(target=torch.zeros(3, 4, dtype=torch.long)), TypeError, "target"),
        (dict(target=torch.tensor([0, 1])), ValueError, "target must have shape"),
        (dict(target=torch.tensor([[0], [1], [2]])), ValueError, "target must have shape"),
        (dict(target=torch.tensor([0, 4, 1])), ValueError, "target holds the class index 4"),
        (dict(target=torch.tensor([0, -5, 1])), ValueError, "class index -5"),
        (dict(weight=torch.ones(3)), ValueError, "weight"),
        (dict(reduction="avg"), ValueError, "reduction"),
        (dict(label_smoothing=1.5), ValueError, "label_smoothing"),
        (dict(label_smoothing="0.1"), TypeError, "label_smoothing"),
        (dict(input=torch.zeros(3, 4, dtype=torch.long)), TypeError, "input"),
        (dict(input=[[0.0] * 4] * 3), TypeError, "input"),
        (dict(target=torch.rand(3, 4), ignore_index=1), ValueError, "ignore_index"),
    ],
)
def test_cross_entropy_rejects_bad_arguments_naming_them(kwargs, error, match):
    arguments = dict(input=torch.randn(3, 4), target=torch.tensor([0, 1, 2]))
    arguments.update(kwargs)
    with pytest.raises(error, match=match):
        cross_entropy(**arguments)


# --------------------------------------------------------------------------------------------
# NLLLoss and NLLLoss2d
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("shape", CE_SHAPES, ids=str)
@pytest.mark.parametrize("weighted", [False, True], ids=["unweighted", "weighted"])
def test_nll_loss_matches_torch(shape, reduction, weighted):
    torch.manual_seed(0)
    class_dim = 0 if len(shape) == 1 else 1
    x = torch.randn(shape, dtype=DOUBLE).log_softmax(dim=class_dim).requires_grad_()
    y = _index_target(shape)
    weight = torch.linspace(0.5, 2.0, shape[class_dim], dtype=DOUBLE) if weighted else None
    options = dict(weight=weight, reduction=reduction)
    ours, theirs = nll_loss(x, y, **options), F.nll_loss(x, y, **options)
    _same_values_and_gradients(ours, theirs, (x,))
    torch.testing.assert_close(ours, nn.NLLLoss(**options)(x, y))
    if reduction == "mean":  # gradcheck once per configuration keeps the file fast
        assert torch.autograd.gradcheck(lambda a: nll_loss(a, y, **options), (x,))


def test_nll_loss_with_a_custom_ignore_index_inside_the_class_range():
    torch.manual_seed(0)
    x = torch.randn(6, 4, dtype=DOUBLE).log_softmax(dim=1).requires_grad_()
    y = torch.tensor([0, 1, 2, 3, 1, 1])
    for reduction in REDUCTIONS:
        ours = nll_loss(x, y, ignore_index=1, reduction=reduction)
        theirs = F.nll_loss(x, y, ignore_index=1, reduction=reduction)
        _same_values_and_gradients(ours, theirs, (x,))


def test_nll_loss_gradient_is_minus_the_weight_at_the_target_class_only():
    x = torch.zeros(2, 3, dtype=DOUBLE, requires_grad=True)
    y = torch.tensor([2, 0])
    weight = torch.tensor([1.0, 2.0, 4.0], dtype=DOUBLE)
    nll_loss(x, y, weight=weight, reduction="sum").backward()
    expected = torch.tensor([[0.0, 0.0, -4.0], [-1.0, 0.0, 0.0]], dtype=DOUBLE)
    torch.testing.assert_close(x.grad, expected)


def test_nll_loss_of_log_softmax_is_cross_entropy():
    x = _logits(5, 4)
    y = _index_target((5, 4))
    torch.testing.assert_close(nll_loss(log_softmax(x, 1), y), F.cross_entropy(x, y))


def test_nllloss2d_warns_that_it_is_deprecated_and_equals_nllloss_on_images():
    with pytest.warns(FutureWarning, match="NLLLoss2d` has been deprecated"):
        old = nn.NLLLoss2d(weight=torch.tensor([1.0, 2.0, 0.5]), ignore_index=1)
    assert isinstance(old, nn.NLLLoss)
    torch.manual_seed(0)
    x = torch.randn(2, 3, 4, 5).log_softmax(dim=1)
    y = torch.randint(0, 3, (2, 4, 5))
    new = nn.NLLLoss(weight=old.weight, ignore_index=1)
    assert torch.equal(old(x, y), new(x, y))
    torch.testing.assert_close(nll_loss(x, y, weight=old.weight, ignore_index=1), old(x, y))


@settings(max_examples=30)
@given(
    batch=st.integers(1, 4),
    classes=st.integers(1, 5),
    extra=st.lists(st.integers(1, 3), max_size=3),
    reduction=st.sampled_from(REDUCTIONS),
)
def test_nll_loss_output_shape_matches_torch(batch, classes, extra, reduction):
    x = torch.randn(batch, classes, *extra).log_softmax(dim=1)
    y = torch.randint(0, classes, (batch, *extra))
    ours, theirs = nll_loss(x, y, reduction=reduction), F.nll_loss(x, y, reduction=reduction)
    assert ours.shape == theirs.shape
    torch.testing.assert_close(ours, theirs)


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        (dict(target=torch.tensor([1.0, 0.0, 3.0])), TypeError, "target"),
        (dict(target=torch.eye(4)[[1, 0, 3]]), TypeError, "target"),
        (dict(target=torch.tensor([1, 0, 3]).int()), TypeError, "target"),
        (dict(target=torch.tensor([1, 0])), ValueError, "target must have shape"),
        (dict(target=torch.tensor([1, 0, 4])), ValueError, "class index 4"),
        (dict(weight=torch.ones(5)), ValueError, "weight"),
        (dict(weight=torch.ones(4, dtype=torch.long)), TypeError, "weight"),
        (dict(ignore_index=1.5), TypeError, "ignore_index"),
        (dict(reduction="batchmean"), ValueError, "reduction"),
        (dict(input=torch.tensor(0.5)), ValueError, "input"),
        (dict(input=torch.randn(4), target=torch.tensor([1])), ValueError, "0-d"),
    ],
)
def test_nll_loss_rejects_bad_arguments_naming_them(kwargs, error, match):
    arguments = dict(input=torch.randn(3, 4).log_softmax(dim=1), target=torch.tensor([1, 0, 3]))
    arguments.update(kwargs)
    with pytest.raises(error, match=match):
        nll_loss(**arguments)


# --------------------------------------------------------------------------------------------
# BCELoss and BCEWithLogitsLoss
# --------------------------------------------------------------------------------------------

BCE_WEIGHTS = {
    "none": None,
    "per-element": lambda shape: torch.rand(shape, dtype=DOUBLE) + 0.5,
    "last-dim": lambda shape: torch.linspace(0.5, 2.0, shape[-1], dtype=DOUBLE),
}


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("shape", [(5,), (4, 3), (2, 3, 4)], ids=str)
@pytest.mark.parametrize("weight_kind", list(BCE_WEIGHTS))
def test_binary_cross_entropy_matches_torch_for_input_and_target(shape, reduction, weight_kind):
    torch.manual_seed(0)
    p = (torch.rand(shape, dtype=DOUBLE) * 0.9 + 0.05).requires_grad_()
    t = torch.rand(shape, dtype=DOUBLE).requires_grad_()
    make_weight = BCE_WEIGHTS[weight_kind]
    weight = None if make_weight is None else make_weight(shape)
    ours = binary_cross_entropy(p, t, weight, reduction)
    theirs = F.binary_cross_entropy(p, t, weight, reduction=reduction)
    _same_values_and_gradients(ours, theirs, (p, t))
    torch.testing.assert_close(ours, nn.BCELoss(weight, reduction=reduction)(p, t))
    if reduction == "mean":
        assert torch.autograd.gradcheck(
            lambda a, b: binary_cross_entropy(a, b, weight, reduction), (p, t)
        )


def test_binary_cross_entropy_clamps_log_at_minus_100_and_matches_torch_gradient_there():
    p = torch.tensor([0.0, 1.0, 1e-50, 1.0 - 1e-16, 0.5], dtype=DOUBLE, requires_grad=True)
    t = torch.tensor([1.0, 0.0, 1.0, 0.3, 0.5], dtype=DOUBLE, requires_grad=True)
    ours = binary_cross_entropy(p, t, reduction="none")
    theirs = F.binary_cross_entropy(p, t, reduction="none")
    torch.testing.assert_close(ours, theirs)
    assert ours[0].item() == 100.0 and ours[1].item() == 100.0
    upstream = torch.ones(5, dtype=DOUBLE)
    for mine, reference in zip(
        torch.autograd.grad(ours, (p, t), upstream),
        torch.autograd.grad(theirs, (p, t), upstream),
        strict=True,
    ):
        torch.testing.assert_close(mine, reference)  # includes the +-1e12 and +-inf entries


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("shape", [(5,), (4, 3), (2, 3, 4)], ids=str)
@pytest.mark.parametrize("weight_kind", list(BCE_WEIGHTS))
@pytest.mark.parametrize("with_pos_weight", [False, True], ids=["", "pos_weight"])
def test_binary_cross_entropy_with_logits_matches_torch(
    shape, reduction, weight_kind, with_pos_weight
):
    torch.manual_seed(0)
    x = (torch.randn(shape, dtype=DOUBLE) * 3).requires_grad_()
    t = torch.rand(shape, dtype=DOUBLE).requires_grad_()
    make_weight = BCE_WEIGHTS[weight_kind]
    weight = None if make_weight is None else make_weight(shape)
    pos_weight = torch.linspace(0.5, 3.0, shape[-1], dtype=DOUBLE) if with_pos_weight else None
    options = dict(weight=weight, reduction=reduction, pos_weight=pos_weight)
    ours = binary_cross_entropy_with_logits(x, t, **options)
    theirs = F.binary_cross_entropy_with_logits(x, t, **options)
    _same_values_and_gradients(ours, theirs, (x, t))
    torch.testing.assert_close(ours, nn.BCEWithLogitsLoss(**options)(x, t))
    if reduction == "mean":
        assert torch.autograd.gradcheck(
            lambda a, b: binary_cross_entropy_with_logits(a, b, **options), (x, t)
        )


def test_bce_with_logits_at_zero_and_at_huge_logits_equals_torch_exactly():
    x = torch.tensor([0.0, 0.0, 800.0, -800.0, 40.0, -40.0], dtype=DOUBLE, requires_grad=True)
    t = torch.tensor([1.0, 0.0, 0.0, 1.0, 1.0, 0.0], dtype=DOUBLE)
    pos_weight = torch.tensor(2.0, dtype=DOUBLE)
    for options in (dict(), dict(pos_weight=pos_weight)):
        ours = binary_cross_entropy_with_logits(x, t, reduction="none", **options)
        theirs = F.binary_cross_entropy_with_logits(x, t, reduction="none", **options)
        torch.testing.assert_close(ours, theirs)
        grads = [torch.autograd.grad(v.sum(), x)[0] for v in (ours, theirs)]
        torch.testing.assert_close(*grads)
    assert torch.isfinite(ours).all()


def test_log_sigmoid_matches_torch_with_its_gradient_at_zero():
    x = torch.tensor([-50.0, -1.0, 0.0, 1.0, 50.0], dtype=DOUBLE, requires_grad=True)
    _same_values_and_gradients(log_sigmoid(x), F.logsigmoid(x), (x,))


def test_bce_with_logits_is_the_max_form_on_the_page():
    x = torch.linspace(-6, 6, 25, dtype=DOUBLE)
    t = torch.rand(25, dtype=DOUBLE)
    page = x.clamp(min=0) - x * t + torch.log1p(torch.exp(-x.abs()))
    torch.testing.assert_close(binary_cross_entropy_with_logits(x, t, reduction="none"), page)


def test_pos_weight_broadcasts_over_the_last_dimension():
    torch.manual_seed(0)
    x, t = torch.randn(4, 3), torch.randint(0, 2, (4, 3)).float()
    pos_weight = torch.tensor([1.0, 5.0, 2.0])
    loss = F.binary_cross_entropy_with_logits(x, t, pos_weight=pos_weight, reduction="none")
    manual = -(pos_weight * t * F.logsigmoid(x) + (1 - t) * F.logsigmoid(-x))
    torch.testing.assert_close(loss, manual)
    with pytest.raises(RuntimeError):  # a (N,) pos_weight does not fit the class dimension
        F.binary_cross_entropy_with_logits(x, t, pos_weight=torch.ones(4))
    with pytest.raises(ValueError, match="pos_weight"):
        binary_cross_entropy_with_logits(x, t, pos_weight=torch.ones(4))


@settings(max_examples=30)
@given(
    shape=st.lists(st.integers(1, 4), min_size=1, max_size=3),
    reduction=st.sampled_from(REDUCTIONS),
)
def test_bce_output_shapes_match_torch(shape, reduction):
    p, t = torch.rand(shape), torch.rand(shape)
    x = torch.randn(shape)
    ours = binary_cross_entropy(p, t, reduction=reduction)
    assert ours.shape == F.binary_cross_entropy(p, t, reduction=reduction).shape
    ours = binary_cross_entropy_with_logits(x, t, reduction=reduction)
    theirs = F.binary_cross_entropy_with_logits(x, t, reduction=reduction)
    assert ours.shape == theirs.shape
    torch.testing.assert_close(ours, theirs)


@pytest.mark.parametrize(
    ("function", "kwargs", "error", "match"),
    [
        (binary_cross_entropy, dict(input=torch.tensor([2.0, -1.0])), ValueError, "input"),
        (binary_cross_entropy, dict(target=torch.tensor([1, 0])), TypeError, "target"),
        (binary_cross_entropy, dict(target=torch.tensor([2.0, 0.0])), ValueError, "target"),
        (binary_cross_entropy, dict(target=torch.ones(1, 2)), ValueError, "target"),
        (binary_cross_entropy, dict(weight=torch.ones(3)), ValueError, "weight"),
        (binary_cross_entropy, dict(reduction="batchmean"), ValueError, "reduction"),
        (binary_cross_entropy_with_logits, dict(target=torch.tensor([1, 0])), TypeError, "target"),
        (binary_cross_entropy_with_logits, dict(target=torch.ones(2, 1)), ValueError, "target"),
        (binary_cross_entropy_with_logits, dict(weight=torch.ones(3)), ValueError, "weight"),
        (
            binary_cross_entropy_with_logits,
            dict(pos_weight=torch.ones(3)),
            ValueError,
            "pos_weight",
        ),
        (binary_cross_entropy_with_logits, dict(input=torch.tensor([1, 0])), TypeError, "input"),
    ],
)
def test_bce_rejects_bad_arguments_naming_them(function, kwargs, error, match):
    arguments = dict(input=torch.tensor([0.3, 0.8]), target=torch.tensor([1.0, 0.0]))
    arguments.update(kwargs)
    with pytest.raises(error, match=match):
        function(**arguments)


# --------------------------------------------------------------------------------------------
# KLDivLoss
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("reduction", ["none", "batchmean", "sum", "mean"])
@pytest.mark.parametrize("log_target", [False, True])
@pytest.mark.parametrize("shape", [(5,), (4, 6), (2, 3, 4)], ids=str)
def test_kl_div_matches_torch_for_input_and_target(shape, reduction, log_target):
    torch.manual_seed(0)
    x = torch.randn(shape, dtype=DOUBLE).log_softmax(dim=-1).requires_grad_()
    t = torch.randn(shape, dtype=DOUBLE).softmax(dim=-1)
    t = (t.log() if log_target else t).requires_grad_()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ours = kl_div(x, t, reduction=reduction, log_target=log_target)
        theirs = F.kl_div(x, t, reduction=reduction, log_target=log_target)
        module = nn.KLDivLoss(reduction=reduction, log_target=log_target)(x, t)
        _same_values_and_gradients(ours, theirs, (x, t))
        torch.testing.assert_close(ours, module)
        if reduction in ("batchmean", "none"):
            assert torch.autograd.gradcheck(
                lambda a, b: kl_div(a, b, reduction=reduction, log_target=log_target), (x, t)
            )


def test_kl_div_batchmean_is_the_divergence_and_mean_is_it_over_c():
    torch.manual_seed(0)
    x = torch.randn(8, 10, dtype=DOUBLE).log_softmax(dim=1)
    p = torch.randn(8, 10, dtype=DOUBLE).softmax(dim=1)
    q = x.exp()
    divergence = (p * (p / q).log()).sum(dim=1).mean()
    torch.testing.assert_close(kl_div(x, p, reduction="batchmean"), divergence)
    with pytest.warns(UserWarning, match="'batchmean' divides only by the batch size"):
        mean = kl_div(x, p)
    with pytest.warns(UserWarning, match="'batchmean' divides only by the batch size"):
        torch_mean = F.kl_div(x, p)
    torch.testing.assert_close(mean, torch_mean)
    torch.testing.assert_close(mean, divergence / 10)


def test_kl_div_zero_target_contributes_zero_and_gradient_w_r_t_input_matches():
    x = torch.tensor([0.2, 0.3, 0.5], dtype=DOUBLE).log().requires_grad_()
    t = torch.tensor([0.0, 0.5, 0.5], dtype=DOUBLE)
    ours, theirs = kl_div(x, t, reduction="none"), F.kl_div(x, t, reduction="none")
    assert ours[0].item() == 0.0
    _same_values_and_gradients(ours, theirs, (x,))


def test_kl_div_of_a_scalar_batchmean_is_the_sum():
    x, t = torch.tensor(-1.0, dtype=DOUBLE), torch.tensor(0.4, dtype=DOUBLE)
    torch.testing.assert_close(
        kl_div(x, t, reduction="batchmean"), F.kl_div(x, t, reduction="batchmean")
    )


@settings(max_examples=30)
@given(
    shape=st.lists(st.integers(1, 4), min_size=1, max_size=3),
    reduction=st.sampled_from(["none", "batchmean", "sum"]),
    log_target=st.booleans(),
)
def test_kl_div_output_shape_matches_torch(shape, reduction, log_target):
    x = torch.randn(shape).log_softmax(dim=-1)
    t = torch.randn(shape).softmax(dim=-1)
    t = t.log() if log_target else t
    ours = kl_div(x, t, reduction=reduction, log_target=log_target)
    theirs = F.kl_div(x, t, reduction=reduction, log_target=log_target)
    assert ours.shape == theirs.shape
    torch.testing.assert_close(ours, theirs)


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        (dict(reduction="avg"), ValueError, "reduction"),
        (dict(log_target=1), TypeError, "log_target"),
        (dict(target=torch.rand(3, 2)), ValueError, "target shape"),
        (dict(target=torch.tensor([1, 0, 0])), TypeError, "target"),
        (dict(input=torch.tensor([1, 0, 0])), TypeError, "input"),
    ],
)
def test_kl_div_rejects_bad_arguments_naming_them(kwargs, error, match):
    arguments = dict(input=torch.randn(2, 3).log_softmax(dim=1), target=torch.rand(2, 3))
    arguments.update(kwargs)
    with pytest.raises(error, match=match):
        kl_div(**arguments)


# --------------------------------------------------------------------------------------------
# LinearCrossEntropyLoss and LinearCrossEntropyOptions
# --------------------------------------------------------------------------------------------


def _lce_setup(rows=13, features=6, classes=20, bias=True, seed=0):
    torch.manual_seed(seed)
    x = torch.randn(rows, features, dtype=DOUBLE, requires_grad=True)
    w = torch.randn(classes, features, dtype=DOUBLE, requires_grad=True)
    b = torch.randn(classes, dtype=DOUBLE, requires_grad=True) if bias else None
    y = torch.randint(0, classes, (rows,))
    y[1] = -100
    return x, w, b, y


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("chunk", [None, 1, 4, 13, 100])
@pytest.mark.parametrize("bias", [False, True])
def test_linear_cross_entropy_equals_linear_then_cross_entropy(reduction, chunk, bias):
    x, w, b, y = _lce_setup(bias=bias)
    weight = torch.linspace(0.5, 2.0, 20, dtype=DOUBLE)
    ours = linear_cross_entropy(
        x, w, y, linear_bias=b, weight=weight, reduction=reduction, batch_chunk_size=chunk
    )
    theirs = F.cross_entropy(F.linear(x, w, b), y, weight=weight, reduction=reduction)
    inputs = (x, w) if b is None else (x, w, b)
    _same_values_and_gradients(ours, theirs, inputs)
    torch_fused = F.linear_cross_entropy(x, w, y, linear_bias=b, weight=weight, reduction=reduction)
    torch.testing.assert_close(ours, torch_fused)


@pytest.mark.parametrize("chunk", [None, 3])
def test_linear_cross_entropy_passes_gradcheck(chunk):
    x, w, b, y = _lce_setup(rows=7, features=3, classes=5)
    assert torch.autograd.gradcheck(
        lambda a, c, d: linear_cross_entropy(a, c, y, linear_bias=d, batch_chunk_size=chunk),
        (x, w, b),
    )


@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_chunked_from_scratch_equals_torch_module_with_options(reduction):
    torch.manual_seed(0)
    options = nn.LinearCrossEntropyOptions(batch_chunk_size=4)
    module = nn.LinearCrossEntropyLoss(
        6, 30, bias=True, reduction=reduction, options=options, dtype=DOUBLE
    )
    x = torch.randn(11, 6, dtype=DOUBLE, requires_grad=True)
    y = torch.randint(0, 30, (11,))
    y[3] = -100
    parameters = (x, module.linear.weight, module.linear.bias)
    ours = linear_cross_entropy(
        x,
        module.linear.weight,
        y,
        linear_bias=module.linear.bias,
        reduction=reduction,
        batch_chunk_size=4,
    )
    _same_values_and_gradients(ours, module(x, y), parameters)


def test_linear_cross_entropy_unbatched_and_k_dimensional_match_torch():
    torch.manual_seed(0)
    module = nn.LinearCrossEntropyLoss(5, 7, out_features=(4, 3), bias=True, dtype=DOUBLE)
    assert module.linear.weight.shape == (7 * 4 * 3, 5)
    x = torch.randn(2, 5, dtype=DOUBLE, requires_grad=True)
    y = torch.randint(0, 7, (2, 4, 3))
    weight = module.linear.weight.reshape(7, 4, 3, 5)
    bias = module.linear.bias.reshape(7, 4, 3)
    for reduction in REDUCTIONS:
        module.reduction = reduction
        ours = linear_cross_entropy(x, weight, y, linear_bias=bias, reduction=reduction)
        _same_values_and_gradients(ours, module(x, y), (x, module.linear.weight))
    t = torch.randn(2, 7, 4, 3, dtype=DOUBLE).softmax(dim=1)
    module.reduction = "mean"
    torch.testing.assert_close(linear_cross_entropy(x, weight, t, linear_bias=bias), module(x, t))
    flat = nn.LinearCrossEntropyLoss(5, 7, dtype=DOUBLE)
    x1, y1 = torch.randn(5, dtype=DOUBLE), torch.tensor(3)
    torch.testing.assert_close(linear_cross_entropy(x1, flat.linear.weight, y1), flat(x1, y1))
    torch.testing.assert_close(
        linear_cross_entropy(x1, flat.linear.weight, y1, batch_chunk_size=1), flat(x1, y1)
    )


def test_linear_cross_entropy_falls_back_with_a_warning_like_torch():
    x, w, b, y = _lce_setup()
    with pytest.warns(UserWarning, match="batch_chunk_size ignored"):
        ours = linear_cross_entropy(x, w, y, linear_bias=b, label_smoothing=0.1, batch_chunk_size=4)
    options = nn.LinearCrossEntropyOptions(batch_chunk_size=4)
    with pytest.warns(UserWarning, match="``options`` ignored"):
        theirs = F.linear_cross_entropy(
            x, w, y, linear_bias=b, label_smoothing=0.1, options=options
        )
    torch.testing.assert_close(ours, theirs)


def test_torch_chunked_backward_runs_once_unless_retain_graph_is_allowed():
    torch.manual_seed(0)
    x, y = torch.randn(8, 4, requires_grad=True), torch.randint(0, 10, (8,))
    module = nn.LinearCrossEntropyLoss(
        4, 10, options=nn.LinearCrossEntropyOptions(batch_chunk_size=2)
    )
    loss = module(x, y)
    loss.backward(retain_graph=True)
    with pytest.raises(RuntimeError, match="backward called twice"):
        loss.backward()
    module.options = nn.LinearCrossEntropyOptions(allow_retain_graph=True, batch_chunk_size=2)
    loss = module(x, y)
    loss.backward(retain_graph=True)
    loss.backward()
    # Ours recomputes from the saved inputs, so a second backward works.
    w = module.linear.weight.detach().requires_grad_()
    mine = linear_cross_entropy(x, w, y, batch_chunk_size=2)
    mine.backward(retain_graph=True)
    mine.backward()


@pytest.mark.parametrize("factor", [1, 2, 4])
@pytest.mark.parametrize(
    ("rows", "features", "classes"),
    [(8192, 4096, 128000), (64, 8, 100), (100, 16, 16), (3, 100, 1000), (1000, 7, 50000)],
)
def test_aspect_ratio_chunk_size_is_what_torch_options_pick(rows, features, classes, factor):
    options = nn.LinearCrossEntropyOptions(chunking_method=f"aspect_ratio:{factor}")
    adjusted = options._adjust(rows, features, classes, torch.float32, torch.device("cpu"))
    assert aspect_ratio_chunk_size(rows, features, classes, factor) == adjusted.batch_chunk_size


def test_linear_cross_entropy_options_defaults_and_validation():
    options = nn.LinearCrossEntropyOptions()
    assert (options.allow_retain_graph, options.batch_chunk_size) == (False, None)
    assert (options.chunking_method, options.acc_policy, options.acc_dtype) == (
        "auto",
        "auto",
        None,
    )
    resolved = options._adjust(64, 8, 100, torch.float32, torch.device("cpu"))
    assert (resolved.acc_policy, resolved.chunking_method) == ("compact", "aspect_ratio:2")
    resolved = options._adjust(64, 8, 100, torch.bfloat16, torch.device("cpu"))
    assert (resolved.acc_policy, resolved.chunking_method) == ("accurate", "aspect_ratio")
    for bad in (dict(batch_chunk_size=0), dict(chunking_method="rows"), dict(acc_policy="x")):
        with pytest.raises(ValueError):
            nn.LinearCrossEntropyOptions(**bad)


@settings(max_examples=30)
@given(
    rows=st.integers(1, 9),
    classes=st.integers(2, 12),
    chunk=st.one_of(st.none(), st.integers(1, 10)),
    reduction=st.sampled_from(REDUCTIONS),
)
def test_linear_cross_entropy_shapes_match_torch(rows, classes, chunk, reduction):
    x, w = torch.randn(rows, 3), torch.randn(classes, 3)
    y = torch.randint(0, classes, (rows,))
    ours = linear_cross_entropy(x, w, y, reduction=reduction, batch_chunk_size=chunk)
    theirs = F.linear_cross_entropy(x, w, y, reduction=reduction)
    assert ours.shape == theirs.shape
    torch.testing.assert_close(ours, theirs)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        (dict(input=torch.randn(2, 2, 4)), "input"),
        (dict(linear_weight=torch.randn(4)), "linear_weight"),
        (dict(linear_weight=torch.randn(5, 3)), "linear_weight"),
        (dict(linear_bias=torch.randn(4)), "linear_bias"),
        (dict(target=torch.rand(3, 5), ignore_index=-100), "ignore_index"),
        (dict(batch_chunk_size=0), "batch_chunk_size"),
        (dict(batch_chunk_size=2, target=torch.tensor([0, 1])), "target must have shape"),
        (dict(label_smoothing=-0.1), "label_smoothing"),
        (dict(reduction="batchmean"), "reduction"),
        (dict(input=torch.randn(4), linear_weight=torch.randn(5, 2, 4)), "batched input"),
    ],
)
def test_linear_cross_entropy_rejects_bad_arguments_naming_them(kwargs, match):
    arguments = dict(
        input=torch.randn(3, 4), linear_weight=torch.randn(5, 4), target=torch.tensor([0, 1, 4])
    )
    arguments.update(kwargs)
    with pytest.raises(ValueError, match=match):
        linear_cross_entropy(**arguments)


# --------------------------------------------------------------------------------------------
# AdaptiveLogSoftmaxWithLoss
# --------------------------------------------------------------------------------------------

ASM_CONFIGS = [
    dict(in_features=16, n_classes=30, cutoffs=[5, 12]),
    dict(in_features=32, n_classes=100, cutoffs=[10, 40, 70], div_value=2.0, head_bias=True),
    dict(in_features=8, n_classes=20, cutoffs=[3], div_value=1.0),
]


@pytest.mark.parametrize("config", ASM_CONFIGS, ids=str)
def test_adaptive_log_softmax_output_loss_log_prob_and_predict_equal_torch(config):
    torch.manual_seed(0)
    module = nn.AdaptiveLogSoftmaxWithLoss(**config).double()
    params = AdaptiveSoftmaxParams.from_module(module)
    n = config["n_classes"]
    y = torch.tensor([0, n - 1, *config["cutoffs"], 1, n // 2, 2, 0, n - 2, 1])
    x = torch.randn(len(y), config["in_features"], dtype=DOUBLE, requires_grad=True)
    output, loss = adaptive_log_softmax_with_loss(x, y, params)
    expected = module(x, y)
    torch.testing.assert_close(output, expected.output)
    torch.testing.assert_close(loss, expected.loss)
    parameters = (x, *module.parameters())
    for mine, reference in zip(
        torch.autograd.grad(loss, parameters),
        torch.autograd.grad(expected.loss, parameters),
        strict=True,
    ):
        torch.testing.assert_close(mine, reference)
    torch.testing.assert_close(adaptive_log_prob(x, params), module.log_prob(x))
    assert torch.equal(adaptive_predict(x, params), module.predict(x))
    assert torch.autograd.gradcheck(lambda a: adaptive_log_softmax_with_loss(a, y, params)[1], (x,))


def test_adaptive_log_softmax_sizes_follow_div_value_and_log_prob_is_a_distribution():
    torch.manual_seed(0)
    module = nn.AdaptiveLogSoftmaxWithLoss(64, 1000, cutoffs=[10, 100])
    assert module.head.weight.shape == (10 + 2, 64)
    expected = cluster_sizes(64, 1000, [10, 100], 4.0)
    assert expected == [(16, 90), (4, 900)]
    assert [(p.weight.shape[0], o.weight.shape[0]) for p, o in module.tail] == expected
    log_prob = module.log_prob(torch.randn(3, 64))
    torch.testing.assert_close(log_prob.exp().sum(dim=1), torch.ones(3))
    result = module(torch.randn(3, 64), torch.tensor([1, 50, 500]))
    assert result._fields == ("output", "loss")


def test_adaptive_log_softmax_unbatched_matches_torch():
    torch.manual_seed(0)
    module = nn.AdaptiveLogSoftmaxWithLoss(16, 30, cutoffs=[5, 12]).double()
    params = AdaptiveSoftmaxParams.from_module(module)
    x, y = torch.randn(16, dtype=DOUBLE), torch.tensor(20)
    output, loss = adaptive_log_softmax_with_loss(x, y, params)
    expected = module(x, y)
    assert output.shape == expected.output.shape == ()
    torch.testing.assert_close(output, expected.output)
    torch.testing.assert_close(loss, expected.loss)


def test_adaptive_log_softmax_predict_takes_the_full_distribution_when_a_cluster_wins():
    torch.manual_seed(0)
    module = nn.AdaptiveLogSoftmaxWithLoss(32, 40, cutoffs=[4, 20]).double()
    with torch.no_grad():
        module.head.weight[4].fill_(5.0)  # the first cluster token dominates for x > 0
    params = AdaptiveSoftmaxParams.from_module(module)
    x = torch.rand(6, 32, dtype=DOUBLE)
    predictions = module.predict(x)
    assert (predictions >= 4).all()
    assert torch.equal(adaptive_predict(x, params), predictions)


def test_adaptive_log_softmax_with_tiny_in_features_makes_clusters_uniform():
    with pytest.warns(UserWarning, match="zero-element"):
        module = nn.AdaptiveLogSoftmaxWithLoss(8, 100, cutoffs=[10, 20, 50])
    assert [p.weight.shape[0] for p, _ in module.tail] == [2, 0, 0]
    log_prob = module.log_prob(torch.randn(2, 8))
    torch.testing.assert_close(log_prob[:, 20:50], log_prob[:, 20:21].expand(-1, 30))


@pytest.mark.filterwarnings("ignore:Initializing zero-element tensors")
@settings(max_examples=30, deadline=None)
@given(
    batch=st.integers(1, 6),
    in_features=st.integers(4, 16),
    data=st.data(),
)
def test_adaptive_log_softmax_shapes_match_torch(batch, in_features, data):
    n_classes = data.draw(st.integers(3, 30))
    cutoffs = sorted(data.draw(st.sets(st.integers(1, n_classes - 1), min_size=1, max_size=3)))
    module = nn.AdaptiveLogSoftmaxWithLoss(in_features, n_classes, cutoffs)
    params = AdaptiveSoftmaxParams.from_module(module)
    x = torch.randn(batch, in_features)
    y = torch.randint(0, n_classes, (batch,))
    output, loss = adaptive_log_softmax_with_loss(x, y, params)
    expected = module(x, y)
    assert output.shape == expected.output.shape and loss.shape == expected.loss.shape
    torch.testing.assert_close(output, expected.output)


def test_adaptive_log_softmax_rejects_bad_arguments_naming_them():
    module = nn.AdaptiveLogSoftmaxWithLoss(16, 30, cutoffs=[5, 12])
    params = AdaptiveSoftmaxParams.from_module(module)
    x = torch.randn(3, 16)
    with pytest.raises(ValueError, match="target values"):
        adaptive_log_softmax_with_loss(x, torch.tensor([0, 1, 30]), params)
    with pytest.raises(RuntimeError, match="Target values should be in"):
        module(x, torch.tensor([0, 1, 30]))
    with pytest.raises(TypeError, match="target"):
        adaptive_log_softmax_with_loss(x, torch.tensor([0.0, 1.0, 2.0]), params)
    with pytest.raises(ValueError, match="target must have shape"):
        adaptive_log_softmax_with_loss(x, torch.tensor([0, 1]), params)
    with pytest.raises(ValueError, match="input"):
        adaptive_log_softmax_with_loss(torch.randn(3, 15), torch.tensor([0, 1, 2]), params)
    with pytest.raises(ValueError, match="cutoffs"):
        nn.AdaptiveLogSoftmaxWithLoss(16, 30, cutoffs=[12, 5])


# --------------------------------------------------------------------------------------------
# Pitfalls shown on the pages
# --------------------------------------------------------------------------------------------


def test_pitfall_softmax_before_cross_entropy_gives_a_wrong_loss_and_a_tiny_gradient():
    logits = torch.tensor([[4.0, 0.0, 0.0], [0.0, 4.0, 0.0]], requires_grad=True)
    labels = torch.tensor([0, 0])
    right = F.cross_entropy(logits, labels, reduction="none")
    wrong = F.cross_entropy(logits.softmax(dim=1), labels, reduction="none")
    (g_right,) = torch.autograd.grad(right.sum(), logits)
    (g_wrong,) = torch.autograd.grad(wrong.sum(), logits)
    floor = -torch.log(torch.tensor(torch.e) / (torch.e + 2))
    assert (wrong >= floor - 1e-6).all() and wrong[0] > 10 * right[0]
    assert g_wrong[1, 0].abs() < g_right[1, 0].abs() / 40  # the misclassified sample barely learns


def test_pitfall_one_hot_targets_agree_without_weight_but_not_with_it():
    torch.manual_seed(0)
    logits = torch.randn(4, 3)
    labels = torch.tensor([0, 2, 1, 2])
    one_hot = F.one_hot(labels, num_classes=3)
    weight = torch.tensor([1.0, 2.0, 4.0])
    torch.testing.assert_close(
        F.cross_entropy(logits, one_hot.float()), F.cross_entropy(logits, labels)
    )
    with pytest.raises(RuntimeError, match="Expected floating point type"):
        F.cross_entropy(logits, one_hot)
    with_indices = F.cross_entropy(logits, labels, weight=weight)
    with_one_hot = F.cross_entropy(logits, one_hot.float(), weight=weight)
    assert not torch.allclose(with_indices, with_one_hot)
    per_sample = F.cross_entropy(logits, labels, weight=weight, reduction="none")
    torch.testing.assert_close(with_one_hot, per_sample.sum() / 4)
    torch.testing.assert_close(with_indices, per_sample.sum() / weight[labels].sum())


def test_pitfall_float_targets_for_nll_loss_raise():
    log_probs = torch.randn(3, 4).log_softmax(dim=1)
    with pytest.raises(RuntimeError, match="expected target dtype to be Long or Byte"):
        F.nll_loss(log_probs, torch.tensor([1.0, 0.0, 3.0]))
    with pytest.raises(RuntimeError, match="multi-target not supported"):
        F.nll_loss(log_probs, torch.eye(4)[[1, 0, 3]])


def test_pitfall_nll_loss_on_raw_logits_goes_negative():
    logits = torch.tensor([[0.5, 3.0, -1.0], [2.0, 0.1, 0.2]])
    labels = torch.tensor([1, 0])
    assert F.nll_loss(logits, labels).item() == pytest.approx(-2.5)
    assert F.nll_loss(logits.log_softmax(dim=1), labels) > 0


def test_pitfall_bce_loss_on_logits_raises_or_silently_lies():
    labels = torch.tensor([1.0, 0.0, 1.0])
    with pytest.raises(RuntimeError, match="between 0 and 1"):
        F.binary_cross_entropy(torch.tensor([2.0, -1.0, 0.5]), labels)
    small = torch.tensor([0.9, 0.1, 0.6])
    wrong = F.binary_cross_entropy(small, labels)
    right = F.binary_cross_entropy_with_logits(small, labels)
    twice = F.binary_cross_entropy_with_logits(torch.sigmoid(small), labels)
    assert wrong < right / 2 and not torch.isclose(twice, right)


def test_bce_loss_checks_the_target_range_and_bce_with_logits_does_not():
    with pytest.raises(RuntimeError, match="all elements of target should be between 0 and 1"):
        F.binary_cross_entropy(torch.tensor([0.5]), torch.tensor([2.0]))
    with pytest.raises(ValueError, match="target"):
        binary_cross_entropy(torch.tensor([0.5]), torch.tensor([2.0]))
    unchecked = F.binary_cross_entropy_with_logits(torch.tensor([0.0]), torch.tensor([2.0]))
    torch.testing.assert_close(
        binary_cross_entropy_with_logits(torch.tensor([0.0]), torch.tensor([2.0])), unchecked
    )


def test_pitfall_sigmoid_then_bce_loss_saturates_where_bce_with_logits_does_not():
    logits = torch.tensor([-120.0, 40.0], requires_grad=True)
    labels = torch.tensor([1.0, 0.0])
    split = F.binary_cross_entropy(torch.sigmoid(logits), labels, reduction="none")
    (g_split,) = torch.autograd.grad(split.sum(), logits)
    fused = F.binary_cross_entropy_with_logits(logits, labels, reduction="none")
    (g_fused,) = torch.autograd.grad(fused.sum(), logits)
    assert split.tolist() == [100.0, 100.0] and g_split.abs().max() == 0
    torch.testing.assert_close(fused.detach(), torch.tensor([120.0, 40.0]))
    torch.testing.assert_close(g_fused, torch.tensor([-1.0, 1.0]))


def test_pitfall_kl_div_with_probabilities_as_input_is_negative_and_unbounded():
    q = torch.tensor([[0.7, 0.2, 0.1]], requires_grad=True)
    p = q.detach().clone()
    assert F.kl_div(q.log(), p, reduction="batchmean").item() == pytest.approx(0.0, abs=1e-7)
    wrong = F.kl_div(q, p, reduction="batchmean")
    assert wrong.item() == pytest.approx(-1.3418, abs=1e-4)
    (grad,) = torch.autograd.grad(wrong, q)
    torch.testing.assert_close(grad, -p)  # the same for every q: descent never stops


def test_pitfall_kl_div_mean_is_batchmean_divided_by_the_number_of_classes():
    torch.manual_seed(0)
    log_q = torch.randn(8, 100).log_softmax(dim=1)
    p = torch.randn(8, 100).softmax(dim=1)
    with pytest.warns(UserWarning, match="'mean' divides the total loss"):
        mean = nn.KLDivLoss()(log_q, p)
    batchmean = nn.KLDivLoss(reduction="batchmean")(log_q, p)
    torch.testing.assert_close(mean, batchmean / 100)
