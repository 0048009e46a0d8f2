"""Margin, ranking and embedding losses from scratch against torch.

nnref.losses.margin (MarginRankingLoss, SoftMarginLoss, HingeEmbeddingLoss), multi_margin
(MultiMarginLoss), multilabel (MultiLabelMarginLoss, MultiLabelSoftMarginLoss),
cosine_embedding (CosineEmbeddingLoss) and triplet (TripletMarginLoss,
TripletMarginWithDistanceLoss): for every loss and option, values and gradients equal torch's
for the three reductions, gradcheck passes in float64, the gradient at each kink is torch's
subgradient exactly, output shapes hold over random shapes (hypothesis), bad arguments raise
errors naming the argument, and the pitfalls shown on the pages behave as shown.
"""

import math

import pytest
import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import nn

from nnref.losses.cosine_embedding import cosine_embedding_loss
from nnref.losses.margin import hinge_embedding_loss, margin_ranking_loss, soft_margin_loss
from nnref.losses.multi_margin import multi_margin_loss
from nnref.losses.multilabel import multilabel_margin_loss, multilabel_soft_margin_loss
from nnref.losses.triplet import triplet_margin_loss, triplet_margin_with_distance_loss

REDUCTIONS = ["mean", "sum", "none"]
DOUBLE = torch.float64


def _randn(*shape, seed=0, scale=1.0):
    generator = torch.Generator().manual_seed(seed)
    return (scale * torch.randn(*shape, generator=generator, dtype=DOUBLE)).requires_grad_()


def _signs(n, seed=1):
    generator = torch.Generator().manual_seed(seed)
    return torch.randint(0, 2, (n,), generator=generator).to(DOUBLE) * 2 - 1


def _same(ours, theirs, inputs):
    """Equal values, and equal gradients for a random upstream gradient, for every input."""
    torch.testing.assert_close(ours, theirs)
    upstream = torch.randn_like(theirs)
    grads_ours = torch.autograd.grad(ours, inputs, upstream)
    grads_theirs = torch.autograd.grad(theirs, inputs, upstream)
    for mine, reference in zip(grads_ours, grads_theirs, strict=True):
        torch.testing.assert_close(mine, reference)


def _exact_grads(ours, theirs, inputs):
    """The gradients of two scalar losses are exactly equal (for the kinks); return torch's."""
    grads_ours = torch.autograd.grad(ours, inputs)
    grads_theirs = torch.autograd.grad(theirs, inputs)
    for mine, reference in zip(grads_ours, grads_theirs, strict=True):
        assert torch.equal(mine, reference), (mine, reference)
    return grads_theirs


# --------------------------------------------------------------------------------------------
# MarginRankingLoss
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("margin", [-0.5, 0.0, 0.3, 2.0])
def test_margin_ranking_loss_values_and_gradients_equal_torch(reduction, margin):
    x1, x2 = _randn(9, seed=0), _randn(9, seed=1)
    y = _signs(9)
    ours = margin_ranking_loss(x1, x2, y, margin, reduction)
    _same(ours, F.margin_ranking_loss(x1, x2, y, margin=margin, reduction=reduction), (x1, x2))
    torch.testing.assert_close(
        ours, nn.MarginRankingLoss(margin=margin, reduction=reduction)(x1, x2, y)
    )
    assert torch.autograd.gradcheck(
        lambda a, b: margin_ranking_loss(a, b, y, margin, reduction), (x1, x2)
    )


def test_margin_ranking_loss_formula_and_zero_dim_inputs():
    x1, x2 = torch.tensor(2.0), torch.tensor(1.0)
    assert margin_ranking_loss(x1, x2, torch.tensor(-1.0), 0.5, "none").item() == 1.5
    assert margin_ranking_loss(x1, x2, torch.tensor(1.0), 0.5, "none").item() == 0.0
    torch.testing.assert_close(
        margin_ranking_loss(x1, x2, torch.tensor(-1.0)),
        F.margin_ranking_loss(x1, x2, torch.tensor(-1.0)),
    )


def test_margin_ranking_loss_gradient_at_the_kink_is_torchs():
    # -y (x1 - x2) + margin = 0 for every pair: torch's clamp_min keeps the slope there
    x1 = torch.tensor([1.5, 0.5, 2.0], dtype=DOUBLE, requires_grad=True)
    x2 = torch.tensor([1.0, 1.0, 2.0], dtype=DOUBLE, requires_grad=True)
    y = torch.tensor([1.0, -1.0, 1.0], dtype=DOUBLE)
    margins = [0.5, 0.5, 0.0]
    for index, margin in enumerate(margins):
        a, b, label = x1[index : index + 1], x2[index : index + 1], y[index : index + 1]
        g1, g2 = _exact_grads(
            margin_ranking_loss(a, b, label, margin, "sum"),
            F.margin_ranking_loss(a, b, label, margin=margin, reduction="sum"),
            (x1, x2),
        )
        assert g1[index].item() == -y[index].item() and g2[index].item() == y[index].item()


def test_margin_ranking_loss_zero_one_labels_pitfall_of_the_page():
    x1 = torch.tensor([0.2, 1.5, 0.9], requires_grad=True)
    x2 = torch.tensor([1.0, 0.5, 0.3])
    labels = torch.tensor([1.0, 0.0, 0.0])
    wrong = nn.MarginRankingLoss(margin=0.5, reduction="none")(x1, x2, labels)
    torch.testing.assert_close(wrong, torch.tensor([1.3, 0.5, 0.5]))
    (grad,) = torch.autograd.grad(wrong.sum(), x1)
    assert torch.equal(grad.abs(), torch.tensor([1.0, 0.0, 0.0]))  # label 0 teaches nothing
    torch.testing.assert_close(margin_ranking_loss(x1, x2, labels, 0.5, "none"), wrong)
    right = nn.MarginRankingLoss(margin=0.5, reduction="none")(x1, x2, 2 * labels - 1)
    torch.testing.assert_close(right, torch.tensor([1.3, 1.5, 1.1]))


def test_margin_ranking_loss_with_margin_1_against_0_is_the_svm_hinge():
    score, y = torch.tensor([2.0, 0.3, -0.5, -3.0]), torch.tensor([1.0, 1.0, 1.0, -1.0])
    hinge = (1 - y * score).clamp(min=0)
    assert torch.equal(margin_ranking_loss(score, torch.zeros(4), y, 1.0, "none"), hinge)
    torch.testing.assert_close(hinge, torch.tensor([0.0, 0.7, 1.5, 0.0]))


@pytest.mark.parametrize(
    ("args", "kwargs", "error", "match"),
    [
        (
            (torch.randn(3), torch.randn(3), torch.ones(3)),
            {"reduction": "avg"},
            ValueError,
            "reduction",
        ),
        ((torch.randn(3), torch.randn(3), torch.ones(3)), {"margin": "1"}, TypeError, "margin"),
        ((torch.randn(3), torch.randn(3, 1), torch.ones(3)), {}, ValueError, "dimensions"),
        ((torch.randn(3), torch.randn(4), torch.ones(3)), {}, ValueError, "input2"),
        (([1.0], torch.randn(1), torch.ones(1)), {}, TypeError, "input1"),
        ((torch.randn(3), torch.tensor([1, 2, 3]), torch.ones(3)), {}, TypeError, "input2"),
        ((torch.randn(3), torch.randn(3), [1.0, 1.0, 1.0]), {}, TypeError, "target"),
    ],
)
def test_margin_ranking_loss_rejects_bad_arguments(args, kwargs, error, match):
    with pytest.raises(error, match=match):
        margin_ranking_loss(*args, **kwargs)


# --------------------------------------------------------------------------------------------
# SoftMarginLoss
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("shape", [(1,), (7,), (3, 4), (2, 3, 2)], ids=str)
def test_soft_margin_loss_values_and_gradients_equal_torch(reduction, shape):
    x = _randn(*shape, scale=3.0)
    y = _signs(math.prod(shape)).reshape(shape)
    ours = soft_margin_loss(x, y, reduction)
    _same(ours, F.soft_margin_loss(x, y, reduction=reduction), (x,))
    torch.testing.assert_close(ours, nn.SoftMarginLoss(reduction=reduction)(x, y))
    assert torch.autograd.gradcheck(lambda a: soft_margin_loss(a, y, reduction), (x,))


def test_soft_margin_loss_is_bce_with_logits_and_its_gradient_at_zero_is_one_half():
    zero = torch.zeros(2, dtype=DOUBLE, requires_grad=True)
    signs = torch.tensor([1.0, -1.0], dtype=DOUBLE)
    (grad,) = _exact_grads(
        soft_margin_loss(zero, signs, "sum"),
        F.soft_margin_loss(zero, signs, reduction="sum"),
        (zero,),
    )
    assert grad.tolist() == [-0.5, 0.5]
    x = torch.tensor([0.0, 0.0, 1.5, -2.0], dtype=DOUBLE)
    y = torch.tensor([1.0, -1.0, -1.0, 1.0], dtype=DOUBLE)
    torch.testing.assert_close(
        soft_margin_loss(x, y, "none"),
        F.binary_cross_entropy_with_logits(x, (y + 1) / 2, reduction="none"),
    )


def test_soft_margin_loss_overflow_pitfall_of_the_page():
    x = torch.tensor([-100.0, 5.0], requires_grad=True)
    y = torch.tensor([1.0, 1.0])
    theirs = nn.SoftMarginLoss()(x, y)
    (grad,) = torch.autograd.grad(theirs, x)
    assert math.isinf(theirs.item()) and math.isnan(grad[0].item())
    stable = nn.BCEWithLogitsLoss()(x, (y + 1) / 2)
    ours = soft_margin_loss(x, y)  # the from-scratch form does not overflow
    torch.testing.assert_close(ours, stable)
    (ours_grad,) = torch.autograd.grad(ours, x)
    assert torch.isfinite(ours_grad).all()
    torch.testing.assert_close(ours_grad[0], torch.tensor(-0.5))


# --------------------------------------------------------------------------------------------
# HingeEmbeddingLoss
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("margin", [0.5, 1.0, 3.0])
@pytest.mark.parametrize("shape", [(8,), (3, 4)], ids=str)
def test_hinge_embedding_loss_values_and_gradients_equal_torch(reduction, margin, shape):
    x = 2 * torch.rand(*shape, dtype=DOUBLE, generator=torch.Generator().manual_seed(0))
    x.requires_grad_()
    y = _signs(math.prod(shape)).reshape(shape)
    ours = hinge_embedding_loss(x, y, margin, reduction)
    _same(ours, F.hinge_embedding_loss(x, y, margin=margin, reduction=reduction), (x,))
    torch.testing.assert_close(
        ours, nn.HingeEmbeddingLoss(margin=margin, reduction=reduction)(x, y)
    )
    assert torch.autograd.gradcheck(lambda a: hinge_embedding_loss(a, y, margin, reduction), (x,))


def test_hinge_embedding_loss_labels_other_than_plus_minus_one_get_both_terms_like_torch():
    x = torch.tensor([0.3, 0.3, 0.3, 2.0, -0.5], dtype=DOUBLE, requires_grad=True)
    y = torch.tensor([1.0, -1.0, 0.0, 0.0, 2.0], dtype=DOUBLE)
    ours = hinge_embedding_loss(x, y, 1.0, "none")
    _same(ours, F.hinge_embedding_loss(x, y, reduction="none"), (x,))
    torch.testing.assert_close(ours, torch.tensor([0.3, 0.7, 1.0, 2.0, 1.0], dtype=DOUBLE))


def test_hinge_embedding_loss_gradient_at_the_kink_is_torchs():
    x = torch.tensor([1.0, 2.0, 0.0], dtype=DOUBLE, requires_grad=True)
    y = torch.tensor([-1.0, -1.0, 1.0], dtype=DOUBLE)
    margins = torch.tensor([1.0, 2.0, 0.5])
    for index in range(3):
        xi, yi, margin = x[index : index + 1], y[index : index + 1], margins[index].item()
        (grad,) = _exact_grads(
            hinge_embedding_loss(xi, yi, margin, "sum"),
            F.hinge_embedding_loss(xi, yi, margin=margin, reduction="sum"),
            (x,),
        )
        assert grad[index].item() == (1.0 if y[index] == 1 else -1.0)


def test_hinge_embedding_loss_pitfalls_of_the_page():
    distance = torch.tensor([0.2, 3.0], requires_grad=True)
    labels = torch.tensor([1.0, 0.0])
    wrong = nn.HingeEmbeddingLoss(reduction="none")(distance, labels)
    (grad,) = torch.autograd.grad(wrong.sum(), distance)
    torch.testing.assert_close(wrong, torch.tensor([0.2, 3.0]))
    assert torch.equal(grad, torch.tensor([1.0, 1.0]))  # pulls the dissimilar pair together
    right = nn.HingeEmbeddingLoss(reduction="none")(distance, 2 * labels - 1)
    torch.testing.assert_close(right, torch.tensor([0.2, 0.0]))
    # scores, not distances: y = 1 returns the score itself, rewarding ever smaller scores
    score = torch.tensor([3.0, -2.0])
    assert torch.equal(nn.HingeEmbeddingLoss(reduction="none")(score, torch.ones(2)), score)


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"reduction": "mean "}, ValueError, "reduction"),
        ({"margin": None}, TypeError, "margin"),
        ({"target": torch.ones(4)}, ValueError, "target"),
        ({"input": torch.tensor([1, 2, 3])}, TypeError, "input"),
        ({"target": "1"}, TypeError, "target"),
    ],
)
def test_hinge_embedding_and_soft_margin_reject_bad_arguments(kwargs, error, match):
    arguments = {"input": torch.randn(3), "target": torch.ones(3)} | kwargs
    with pytest.raises(error, match=match):
        hinge_embedding_loss(**arguments)
    if "margin" not in kwargs:
        with pytest.raises(error, match=match):
            soft_margin_loss(**arguments)


# --------------------------------------------------------------------------------------------
# MultiMarginLoss
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("p", [1, 2])
@pytest.mark.parametrize("margin", [0.5, 1.0, 2.5])
@pytest.mark.parametrize("weighted", [False, True])
def test_multi_margin_loss_values_and_gradients_equal_torch(reduction, p, margin, weighted):
    x = _randn(6, 5)
    y = torch.randint(0, 5, (6,), generator=torch.Generator().manual_seed(2))
    weight = torch.rand(5, dtype=DOUBLE, generator=torch.Generator().manual_seed(3))
    weight = weight if weighted else None  # torch's kernel has no gradient for weight
    ours = multi_margin_loss(x, y, p, margin, weight, reduction)
    theirs = F.multi_margin_loss(x, y, p=p, margin=margin, weight=weight, reduction=reduction)
    _same(ours, theirs, (x,))
    module = nn.MultiMarginLoss(p=p, margin=margin, weight=weight, reduction=reduction)
    torch.testing.assert_close(ours, module(x, y))
    assert torch.autograd.gradcheck(
        lambda a: multi_margin_loss(a, y, p, margin, weight, reduction), (x,)
    )


@pytest.mark.parametrize("target", [torch.tensor(3), torch.tensor([3])], ids=["0-d", "1-d"])
def test_multi_margin_loss_accepts_a_single_sample_like_torch(target):
    x = torch.tensor([0.1, 0.2, 0.4, 0.8], dtype=DOUBLE)
    ours = multi_margin_loss(x, target, reduction="none")
    torch.testing.assert_close(ours, F.multi_margin_loss(x, target, reduction="none"))
    assert ours.shape == target.shape
    torch.testing.assert_close(ours.sum().item(), 0.325)  # the docstring's example


def test_multi_margin_loss_gradient_at_the_kink_is_zero_like_torch():
    # margin - x[y] + x[i] = 0 exactly for i = 1: torch counts only strictly positive terms
    x = torch.tensor([[2.0, 1.0, 0.0], [0.5, 1.0, 1.5]], dtype=DOUBLE, requires_grad=True)
    y = torch.tensor([0, 2])
    for p in (1, 2):
        (grad,) = _exact_grads(
            multi_margin_loss(x, y, p, reduction="sum"),
            F.multi_margin_loss(x, y, p=p, reduction="sum"),
            (x,),
        )
        assert torch.equal(grad[0], torch.zeros(3, dtype=DOUBLE))


def test_multi_margin_loss_pitfalls_of_the_page():
    x = torch.tensor([[1.0, 0.8, 0.6, -2.0], [0.5, -3.0, -3.0, -3.0]])
    y = torch.tensor([0, 0])
    torch.testing.assert_close(multi_margin_loss(x, y, reduction="none"), torch.tensor([0.35, 0]))
    one_hot = F.one_hot(y, 4).float()
    categorical_hinge = (((1 - one_hot) * x).amax(1) - (one_hot * x).sum(1) + 1).clamp(min=0)
    # the worst wrong class only; and the zeroed right class competes as a score of 0
    torch.testing.assert_close(categorical_hinge, torch.tensor([0.8, 0.5]))
    # weights rescale the mean (divided by N), but cancel in cross-entropy's weighted mean
    x = torch.tensor([[0.5, 0.2, 0.9], [0.1, 0.8, 0.3]])
    y, weight = torch.tensor([0, 1]), torch.tensor([1.0, 3.0, 1.0])
    torch.testing.assert_close(
        F.multi_margin_loss(x, y, weight=10 * weight), 10 * F.multi_margin_loss(x, y, weight=weight)
    )
    torch.testing.assert_close(
        F.cross_entropy(x, y, weight=10 * weight), F.cross_entropy(x, y, weight=weight)
    )
    torch.testing.assert_close(
        multi_margin_loss(x, y, weight=weight),
        multi_margin_loss(x, y, weight=weight, reduction="sum") / 2,
    )
    # scaling the scores satisfies the margin: the loss alone can be driven to 0
    x = torch.tensor([[0.9, 0.5, 0.2], [0.1, 0.6, 0.3]])
    y = torch.tensor([0, 1])
    losses = [multi_margin_loss(scale * x, y).item() for scale in (1, 2, 5)]
    assert losses[0] > losses[1] > losses[2] == 0.0


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"p": 3}, ValueError, "p must be 1 or 2"),
        ({"p": True}, ValueError, "p must be 1 or 2"),
        ({"margin": "1"}, TypeError, "margin"),
        ({"weight": torch.ones(3)}, ValueError, "weight"),
        ({"weight": torch.ones(2, 4)}, ValueError, "weight"),
        ({"target": torch.tensor([3.0, 0.0])}, TypeError, "target"),
        ({"target": torch.tensor([4, 0])}, ValueError, "target"),
        ({"target": torch.tensor([-1, 0])}, ValueError, "target"),
        ({"target": torch.tensor([[3], [0]])}, ValueError, "target"),
        ({"target": torch.tensor([3, 0, 1])}, ValueError, "target"),
        ({"input": torch.randn(2, 3, 4)}, ValueError, "input"),
        ({"input": torch.ones(2, 4, dtype=torch.int64)}, TypeError, "input"),
        ({"reduction": "batchmean"}, ValueError, "reduction"),
    ],
)
def test_multi_margin_loss_rejects_bad_arguments(kwargs, error, match):
    arguments = {"input": torch.randn(2, 4), "target": torch.tensor([3, 0])} | kwargs
    with pytest.raises(error, match=match):
        multi_margin_loss(**arguments)


def test_torch_rejects_the_same_multi_margin_arguments():
    x = torch.randn(2, 4)
    with pytest.raises(ValueError, match="p == 1 and p == 2"):
        nn.MultiMarginLoss(p=3)
    for target in (torch.tensor([4, 0]), torch.tensor([3.0, 0.0]), torch.tensor([3, 0, 1])):
        with pytest.raises(RuntimeError):
            F.multi_margin_loss(x, target)


# --------------------------------------------------------------------------------------------
# MultiLabelMarginLoss
# --------------------------------------------------------------------------------------------

INDEX_LISTS = torch.tensor(
    [
        [3, 0, -1, 1, 2],  # classes {3, 0}; the 1 and 2 after -1 are ignored
        [4, -1, -1, -1, -1],
        [0, 1, 2, 3, 4],  # every class: no non-target class, loss 0
        [-1, 2, 2, 2, 2],  # no class at all, loss 0
        [1, 1, 3, -1, 0],  # class 1 listed twice counts twice
        [2, 0, 4, 1, -1],
    ]
)


@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_multilabel_margin_loss_values_and_gradients_equal_torch(reduction):
    x = _randn(6, 5)
    ours = multilabel_margin_loss(x, INDEX_LISTS, reduction)
    _same(ours, F.multilabel_margin_loss(x, INDEX_LISTS, reduction=reduction), (x,))
    torch.testing.assert_close(ours, nn.MultiLabelMarginLoss(reduction=reduction)(x, INDEX_LISTS))
    assert torch.autograd.gradcheck(
        lambda a: multilabel_margin_loss(a, INDEX_LISTS, reduction), (x,)
    )


def test_multilabel_margin_loss_of_a_single_sample_is_a_scalar_like_torch():
    x = torch.tensor([0.1, 0.2, 0.4, 0.8])
    y = torch.tensor([3, 0, -1, 1])
    ours = multilabel_margin_loss(x, y, "none")
    assert ours.shape == ()
    torch.testing.assert_close(ours, F.multilabel_margin_loss(x, y, reduction="none"))
    torch.testing.assert_close(ours, torch.tensor(0.85))  # the docstring's example


def test_multilabel_margin_loss_gradient_at_the_kink_is_zero_like_torch():
    # x[j] - x[i] = 1 exactly for (j, i) = (0, 1)
    x = torch.tensor([[2.0, 1.0, 0.5]], dtype=DOUBLE, requires_grad=True)
    y = torch.tensor([[0, -1, -1]])
    (grad,) = _exact_grads(
        multilabel_margin_loss(x, y, "sum"), F.multilabel_margin_loss(x, y, reduction="sum"), (x,)
    )
    assert grad[0, 1].item() == 0.0


def test_multilabel_margin_loss_pitfalls_of_the_page():
    x = torch.tensor([[0.1, 0.2, 0.4, 0.8]])
    multi_hot = torch.tensor([[1, 0, 0, 1]])
    torch.testing.assert_close(multilabel_margin_loss(x, multi_hot), torch.tensor(2.9))
    order = multi_hot.argsort(dim=1, descending=True, stable=True)
    indices = torch.where(multi_hot.gather(1, order).bool(), order, -1)
    assert indices.tolist() == [[0, 3, -1, -1]]
    torch.testing.assert_close(multilabel_margin_loss(x, indices), torch.tensor(0.85))
    padded = {
        (3, 0, -1, -1): 0.85,
        (3, -1, 0, -1): 0.325,
        (-1, 3, 0, -1): 0.0,
        (3, 0, 0, -1): 1.45,
    }
    for row, expected in padded.items():
        target = torch.tensor([row])
        torch.testing.assert_close(multilabel_margin_loss(x, target), torch.tensor(expected))
        torch.testing.assert_close(F.multilabel_margin_loss(x, target), torch.tensor(expected))


@pytest.mark.parametrize(
    ("target", "error", "match"),
    [
        (torch.tensor([[3.0, 0.0, -1.0, 1.0]]), TypeError, "int64"),
        (torch.tensor([[3, 0, -1, 1]], dtype=torch.int32), TypeError, "int64"),
        (torch.tensor([[3, 0]]), ValueError, "shape"),
        (torch.tensor([3, 0, -1, 1]), ValueError, "shape"),
        (torch.tensor([[4, 0, -1, 1]]), ValueError, "target entries"),
        (torch.tensor([[3, 0, -1, -2]]), ValueError, "target entries"),
        (torch.tensor([[3, 0, -1, 7]]), ValueError, "target entries"),  # even after -1
    ],
)
def test_multilabel_margin_loss_rejects_bad_targets_like_torch(target, error, match):
    x = torch.randn(1, 4)
    with pytest.raises(error, match=match):
        multilabel_margin_loss(x, target)
    with pytest.raises(RuntimeError):
        F.multilabel_margin_loss(x, target)


def test_multilabel_margin_loss_rejects_bad_input_and_reduction():
    with pytest.raises(ValueError, match="input"):
        multilabel_margin_loss(torch.randn(2, 3, 4), torch.zeros(2, 3, 4, dtype=torch.int64))
    with pytest.raises(TypeError, match="input"):
        multilabel_margin_loss(torch.ones(1, 2, dtype=torch.int64), torch.zeros(1, 2).long())
    with pytest.raises(ValueError, match="reduction"):
        multilabel_margin_loss(torch.randn(1, 2), torch.zeros(1, 2).long(), "avg")


# --------------------------------------------------------------------------------------------
# MultiLabelSoftMarginLoss
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("weighted", [False, True])
@pytest.mark.parametrize("shape", [(4,), (3, 4), (2, 3, 5)], ids=str)
def test_multilabel_soft_margin_loss_values_and_gradients_equal_torch(reduction, weighted, shape):
    x = _randn(*shape, scale=2.0)
    generator = torch.Generator().manual_seed(4)
    y = torch.randint(0, 2, shape, generator=generator).to(DOUBLE).requires_grad_()
    weight = torch.rand(shape[-1], dtype=DOUBLE, generator=generator).requires_grad_()
    weight = weight if weighted else None
    inputs = (x, y, weight) if weighted else (x, y)
    ours = multilabel_soft_margin_loss(x, y, weight, reduction)
    theirs = F.multilabel_soft_margin_loss(x, y, weight=weight, reduction=reduction)
    _same(ours, theirs, inputs)
    module = nn.MultiLabelSoftMarginLoss(weight=weight, reduction=reduction)
    torch.testing.assert_close(ours, module(x, y))
    assert ours.shape == (shape[:-1] if reduction == "none" else ())
    assert torch.autograd.gradcheck(
        lambda *t: multilabel_soft_margin_loss(t[0], t[1], t[2] if weighted else None, reduction),
        inputs,
    )


def test_multilabel_soft_margin_loss_is_bce_with_logits_averaged_over_classes():
    x = _randn(3, 4)
    y = torch.tensor([[1.0, 0, 0, 1], [0, 0, 0, 0], [1, 1, 1, 1]], dtype=DOUBLE)
    weight = torch.tensor([1.0, 2.0, 0.5, 1.0], dtype=DOUBLE)
    bce = F.binary_cross_entropy_with_logits(x, y, weight=weight, reduction="none").mean(dim=1)
    torch.testing.assert_close(multilabel_soft_margin_loss(x, y, weight, "none"), bce)
    # keras.losses.BinaryCrossentropy(from_logits=True): the same mean over classes, then batch
    torch.testing.assert_close(
        multilabel_soft_margin_loss(x, y), F.binary_cross_entropy_with_logits(x, y)
    )
    # gradient at x = 0 is sigmoid(0) - y, exactly
    zero = torch.zeros(1, 2, dtype=DOUBLE, requires_grad=True)
    target = torch.tensor([[1.0, 0.0]], dtype=DOUBLE)
    (grad,) = _exact_grads(
        multilabel_soft_margin_loss(zero, target, reduction="sum"),
        F.multilabel_soft_margin_loss(zero, target, reduction="sum"),
        (zero,),
    )
    torch.testing.assert_close(grad, torch.tensor([[-0.25, 0.25]], dtype=DOUBLE))


def test_multilabel_soft_margin_loss_signed_target_pitfall_of_the_page():
    x = torch.tensor([[4.0, -4.0, 3.0]])
    wrong = nn.MultiLabelSoftMarginLoss()(x, torch.tensor([[1.0, -1.0, 1.0]]))
    right = nn.MultiLabelSoftMarginLoss()(x, torch.tensor([[1.0, 0.0, 1.0]]))
    assert wrong.item() < 0 < right.item() < 0.05
    torch.testing.assert_close(
        multilabel_soft_margin_loss(x, torch.tensor([[1.0, -1.0, 1.0]])), wrong
    )


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"target": torch.ones(2, 3)}, ValueError, "target"),
        ({"target": [[1.0] * 4] * 2}, TypeError, "target"),
        ({"weight": torch.ones(3)}, ValueError, "weight"),
        ({"weight": [1.0] * 4}, TypeError, "weight"),
        ({"input": torch.tensor(1.0), "target": torch.tensor(1.0)}, ValueError, "input"),
        ({"input": torch.ones(2, 4, dtype=torch.int64)}, TypeError, "input"),
        ({"reduction": "avg"}, ValueError, "reduction"),
    ],
)
def test_multilabel_soft_margin_loss_rejects_bad_arguments(kwargs, error, match):
    arguments = {"input": torch.randn(2, 4), "target": torch.ones(2, 4)} | kwargs
    with pytest.raises(error, match=match):
        multilabel_soft_margin_loss(**arguments)


# --------------------------------------------------------------------------------------------
# CosineEmbeddingLoss
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("margin", [-0.5, 0.0, 0.3])
def test_cosine_embedding_loss_values_and_gradients_equal_torch(reduction, margin):
    x1, x2 = _randn(7, 5, seed=0), _randn(7, 5, seed=1)
    y = _signs(7)
    ours = cosine_embedding_loss(x1, x2, y, margin, reduction)
    theirs = F.cosine_embedding_loss(x1, x2, y, margin=margin, reduction=reduction)
    _same(ours, theirs, (x1, x2))
    module = nn.CosineEmbeddingLoss(margin=margin, reduction=reduction)
    torch.testing.assert_close(ours, module(x1, x2, y))
    assert torch.autograd.gradcheck(
        lambda a, b: cosine_embedding_loss(a, b, y, margin, reduction), (x1, x2)
    )


def test_cosine_embedding_loss_single_pair_broadcasting_labels_and_epsilon_like_torch():
    a, b = _randn(5, seed=0), _randn(5, seed=1)
    for label in (1.0, -1.0):
        target = torch.tensor(label, dtype=DOUBLE)
        _same(cosine_embedding_loss(a, b, target), F.cosine_embedding_loss(a, b, target), (a, b))
    x1, x2 = _randn(4, 3, seed=2), _randn(1, 3, seed=3)  # one x2 for every x1
    y = torch.tensor([1.0, -1.0, 0.0, 2.0], dtype=DOUBLE)  # labels 0 and 2: loss 0
    ours = cosine_embedding_loss(x1, x2, y, reduction="none")
    _same(ours, F.cosine_embedding_loss(x1, x2, y, reduction="none"), (x1, x2))
    assert torch.equal(ours[2:], torch.zeros(2, dtype=DOUBLE))
    tiny = torch.tensor([[1e-7, 0.0]], dtype=DOUBLE)  # 1e-12 is added to each squared norm
    torch.testing.assert_close(
        cosine_embedding_loss(tiny, tiny, torch.ones(1, dtype=DOUBLE)),
        torch.tensor(1 - 1e-14 / (1e-14 + 1e-12), dtype=DOUBLE),
    )


def test_cosine_embedding_loss_gradient_at_the_kink_is_torchs():
    # a dissimilar orthogonal pair: cos = 0 = margin; torch keeps the gradient of cos
    a = torch.tensor([[1.0, 0.0]], dtype=DOUBLE, requires_grad=True)
    b = torch.tensor([[0.0, 2.0]], dtype=DOUBLE, requires_grad=True)
    y = torch.tensor([-1.0], dtype=DOUBLE)
    grad_a, _ = _exact_grads(
        cosine_embedding_loss(a, b, y), F.cosine_embedding_loss(a, b, y), (a, b)
    )
    torch.testing.assert_close(grad_a, torch.tensor([[0.0, 1.0]], dtype=DOUBLE))


def test_cosine_embedding_loss_pitfalls_of_the_page():
    x1 = torch.tensor([[1.0, 0.0], [1.0, 0.0]])
    x2 = torch.tensor([[0.0, 1.0], [1.0, 0.1]])
    labels = torch.tensor([1.0, 0.0])
    wrong = nn.CosineEmbeddingLoss(reduction="none")(x1, x2, labels)
    assert wrong[1].item() == 0.0
    right = nn.CosineEmbeddingLoss(reduction="none")(x1, x2, 2 * labels - 1)
    assert right[1].item() > 0.99
    # Keras' -cos differs from 1 - cos by exactly 1 and has the same gradient
    a = torch.tensor([[1.0, 2.0], [3.0, -1.0]], requires_grad=True)
    b = torch.tensor([[2.0, 1.0], [1.0, 1.0]])
    ours = cosine_embedding_loss(a, b, torch.ones(2))
    keras_like = (-F.cosine_similarity(a, b)).mean()
    torch.testing.assert_close(ours - keras_like, torch.tensor(1.0))
    torch.testing.assert_close(
        torch.autograd.grad(ours, a)[0], torch.autograd.grad(keras_like, a)[0]
    )
    # a zero vector: cosine 0, loss 1, gradient scaled by 1 / sqrt(1e-12)
    zero = torch.zeros(1, 3, requires_grad=True)
    target = torch.tensor([[1.0, 2.0, 2.0]])
    loss = nn.CosineEmbeddingLoss()(zero, target, torch.ones(1))
    (grad,) = torch.autograd.grad(loss, zero)
    assert loss.item() == 1.0
    torch.testing.assert_close(grad, -target / 3 * 1e6)


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"target": torch.ones(4, 1)}, ValueError, "target"),
        ({"target": torch.ones(())}, ValueError, "inputs"),
        ({"target": torch.ones(3)}, ValueError, "target"),
        ({"input2": torch.randn(4, 3)}, ValueError, "input2"),
        ({"input1": torch.ones(4, 2, dtype=torch.int64)}, TypeError, "input1"),
        ({"margin": "0.5"}, TypeError, "margin"),
        ({"reduction": "all"}, ValueError, "reduction"),
    ],
)
def test_cosine_embedding_loss_rejects_bad_arguments(kwargs, error, match):
    arguments = {"input1": torch.randn(4, 2), "input2": torch.randn(4, 2)}
    arguments |= {"target": torch.ones(4)} | kwargs
    with pytest.raises(error, match=match):
        cosine_embedding_loss(**arguments)


# --------------------------------------------------------------------------------------------
# TripletMarginLoss and TripletMarginWithDistanceLoss
# --------------------------------------------------------------------------------------------


def _triplet(shape=(6, 5)):
    anchor = _randn(*shape, seed=0)
    positive = (anchor.detach() + 0.7 * _randn(*shape, seed=1).detach()).requires_grad_()
    negative = (anchor.detach() + 0.9 * _randn(*shape, seed=2).detach()).requires_grad_()
    return anchor, positive, negative


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("p", [1, 2, 3, math.inf])
@pytest.mark.parametrize("swap", [False, True])
def test_triplet_margin_loss_values_and_gradients_equal_torch(reduction, p, swap):
    inputs = _triplet()
    options = {"margin": 0.5, "p": p, "eps": 1e-4, "swap": swap, "reduction": reduction}
    ours = triplet_margin_loss(*inputs, **options)
    _same(ours, F.triplet_margin_loss(*inputs, **options), inputs)
    torch.testing.assert_close(ours, nn.TripletMarginLoss(**options)(*inputs))
    assert torch.autograd.gradcheck(lambda *t: triplet_margin_loss(*t, **options), inputs)


@pytest.mark.parametrize("shape", [(5,), (2, 3, 4)], ids=str)
def test_triplet_margin_loss_other_ranks_and_broadcasting_like_torch(shape):
    anchor, positive, negative = _triplet(shape)
    ours = triplet_margin_loss(anchor, positive, negative, reduction="none")
    assert ours.shape == shape[:-1]
    _same(
        ours,
        F.triplet_margin_loss(anchor, positive, negative, reduction="none"),
        (anchor, positive, negative),
    )
    one_positive = positive[..., :1, :] if len(shape) > 1 else positive
    torch.testing.assert_close(
        triplet_margin_loss(anchor, one_positive, negative, reduction="none"),
        F.triplet_margin_loss(anchor, one_positive, negative, reduction="none"),
    )


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("swap", [False, True])
@pytest.mark.parametrize("distance", ["default", "l1", "cosine"])
def test_triplet_margin_with_distance_loss_values_and_gradients_equal_torch(
    reduction, swap, distance
):
    functions = {
        "default": None,
        "l1": nn.PairwiseDistance(p=1),
        "cosine": lambda x, y: 1 - F.cosine_similarity(x, y),
    }
    inputs = _triplet()
    options = {"distance_function": functions[distance], "margin": 0.3, "swap": swap}
    options["reduction"] = reduction
    ours = triplet_margin_with_distance_loss(*inputs, **options)
    _same(ours, F.triplet_margin_with_distance_loss(*inputs, **options), inputs)
    torch.testing.assert_close(ours, nn.TripletMarginWithDistanceLoss(**options)(*inputs))
    assert torch.autograd.gradcheck(
        lambda *t: triplet_margin_with_distance_loss(*t, **options), inputs
    )


def test_triplet_default_distance_is_pairwise_distance_and_equals_triplet_margin_loss():
    inputs = _triplet()
    torch.testing.assert_close(
        triplet_margin_with_distance_loss(*inputs), triplet_margin_loss(*inputs)
    )
    torch.testing.assert_close(
        nn.TripletMarginWithDistanceLoss()(*inputs), nn.TripletMarginLoss()(*inputs)
    )
    with pytest.raises(TypeError):
        nn.TripletMarginWithDistanceLoss(nn.PairwiseDistance())  # keyword-only


def test_triplet_gradients_at_the_kinks_are_torchs():
    # d(a, p) - d(a, n) + margin = 0: clamp_min keeps the gradient of the active branch
    a = torch.tensor([[0.0, 0.0]], dtype=DOUBLE, requires_grad=True)
    p = torch.tensor([[1.0, 0.0]], dtype=DOUBLE, requires_grad=True)
    n = torch.tensor([[2.0, 0.0]], dtype=DOUBLE, requires_grad=True)
    _, grad_p, grad_n = _exact_grads(
        triplet_margin_loss(a, p, n, margin=1.0, eps=0.0),
        F.triplet_margin_loss(a, p, n, margin=1.0, eps=0.0),
        (a, p, n),
    )
    assert grad_p.tolist() == [[1.0, 0.0]] and grad_n.tolist() == [[-1.0, 0.0]]
    # swap with d(a, n) = d(p, n): torch.minimum splits the gradient in halves
    p2 = torch.tensor([[2.0, 0.0]], dtype=DOUBLE, requires_grad=True)
    n2 = torch.tensor([[1.0, 0.0]], dtype=DOUBLE, requires_grad=True)
    grad_a, _, _ = _exact_grads(
        triplet_margin_loss(a, p2, n2, swap=True, eps=0.0),
        F.triplet_margin_loss(a, p2, n2, swap=True, eps=0.0),
        (a, p2, n2),
    )
    assert grad_a.tolist() == [[-0.5, 0.0]]
    # a zero distance (eps = 0, a = p): the norm's gradient is 0, not nan
    same = a.detach().clone().requires_grad_()
    grads = _exact_grads(
        triplet_margin_loss(a, same, n, margin=5.0, eps=0.0),
        F.triplet_margin_loss(a, same, n, margin=5.0, eps=0.0),
        (a, same, n),
    )
    assert all(torch.isfinite(g).all() for g in grads)


def test_triplet_pitfalls_of_the_page():
    collapsed = torch.ones(4, 3)
    for margin in (1.0, 0.2):
        loss = triplet_margin_loss(collapsed, collapsed, collapsed, margin=margin)
        torch.testing.assert_close(loss, torch.tensor(margin))
        torch.testing.assert_close(
            loss, F.triplet_margin_loss(collapsed, collapsed, collapsed, margin=margin)
        )
    with pytest.raises(ValueError, match="margin"):
        nn.TripletMarginLoss(margin=0.0)
    with pytest.raises(ValueError, match="margin"):
        nn.TripletMarginWithDistanceLoss(margin=-1.0)
    # random triplets are mostly easy: their zero losses dilute the mean
    generator = torch.Generator().manual_seed(0)
    centres = torch.randn(10, 16, generator=generator)
    labels = torch.randint(0, 10, (1000, 3), generator=generator)
    labels[:, 1] = labels[:, 0]
    labels = labels[labels[:, 2] != labels[:, 0]]
    a, p, n = (
        centres[labels[:, k]] + torch.randn(len(labels), 16, generator=generator) for k in range(3)
    )
    loss = triplet_margin_loss(a, p, n, reduction="none")
    active = loss > 0
    assert 0.05 < active.float().mean().item() < 0.5
    assert loss[active].mean() > 3 * loss.mean()


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"margin": 0.0}, ValueError, "margin"),
        ({"margin": -1.0}, ValueError, "margin"),
        ({"margin": "1"}, TypeError, "margin"),
        ({"p": 0}, ValueError, "p must be positive"),
        ({"p": "2"}, TypeError, "p must"),
        ({"eps": None}, TypeError, "eps"),
        ({"negative": torch.randn(5)}, ValueError, "dimensions"),
        ({"positive": torch.ones(3, 5, dtype=torch.int64)}, TypeError, "positive"),
        ({"anchor": [0.0] * 5}, TypeError, "anchor"),
        ({"reduction": "avg"}, ValueError, "reduction"),
    ],
)
def test_triplet_margin_loss_rejects_bad_arguments(kwargs, error, match):
    arguments = {"anchor": torch.randn(3, 5), "positive": torch.randn(3, 5)}
    arguments |= {"negative": torch.randn(3, 5)} | kwargs
    with pytest.raises(error, match=match):
        triplet_margin_loss(**arguments)


def test_triplet_margin_with_distance_loss_rejects_bad_arguments():
    a, p, n = torch.randn(3, 3, 5).unbind(0)
    with pytest.raises(TypeError, match="distance_function"):
        triplet_margin_with_distance_loss(a, p, n, distance_function="l2")
    with pytest.raises(ValueError, match="margin"):
        triplet_margin_with_distance_loss(a, p, n, margin=0)
    with pytest.raises(ValueError, match="dimensions"):
        triplet_margin_with_distance_loss(a, p, n[0])
    with pytest.raises(ValueError, match="reduction"):
        triplet_margin_with_distance_loss(a, p, n, reduction="avg")
    with pytest.raises(TypeError):
        triplet_margin_with_distance_loss(a, p, n, None)  # keyword-only, as in torch


# --------------------------------------------------------------------------------------------
# Output shapes over random configurations
# --------------------------------------------------------------------------------------------


@settings(max_examples=30)
@given(
    n=st.integers(1, 6),
    reduction=st.sampled_from(REDUCTIONS),
    margin=st.floats(-1.0, 2.0),
    seed=st.integers(0, 2**16),
)
def test_pair_losses_output_shape(n, reduction, margin, seed):
    generator = torch.Generator().manual_seed(seed)
    x1, x2 = torch.randn(2, n, generator=generator)
    y = torch.randint(0, 2, (n,), generator=generator).float() * 2 - 1
    expected = (n,) if reduction == "none" else ()
    pairs = [
        (
            margin_ranking_loss(x1, x2, y, margin, reduction),
            F.margin_ranking_loss(x1, x2, y, margin=margin, reduction=reduction),
        ),
        (soft_margin_loss(x1, y, reduction), F.soft_margin_loss(x1, y, reduction=reduction)),
        (
            hinge_embedding_loss(x1.abs(), y, margin, reduction),
            F.hinge_embedding_loss(x1.abs(), y, margin=margin, reduction=reduction),
        ),
    ]
    for ours, theirs in pairs:
        assert ours.shape == expected
        torch.testing.assert_close(ours, theirs)


@settings(max_examples=30)
@given(
    n=st.integers(1, 5),
    c=st.integers(1, 6),
    reduction=st.sampled_from(REDUCTIONS),
    p=st.sampled_from([1, 2]),
    seed=st.integers(0, 2**16),
)
def test_class_losses_output_shape(n, c, reduction, p, seed):
    generator = torch.Generator().manual_seed(seed)
    x = torch.randn(n, c, generator=generator)
    y = torch.randint(0, c, (n,), generator=generator)
    index_lists = torch.randint(-1, c, (n, c), generator=generator)
    multi_hot = torch.randint(0, 2, (n, c), generator=generator).float()
    expected = (n,) if reduction == "none" else ()
    pairs = [
        (
            multi_margin_loss(x, y, p, reduction=reduction),
            F.multi_margin_loss(x, y, p=p, reduction=reduction),
        ),
        (
            multilabel_margin_loss(x, index_lists, reduction),
            F.multilabel_margin_loss(x, index_lists, reduction=reduction),
        ),
        (
            multilabel_soft_margin_loss(x, multi_hot, reduction=reduction),
            F.multilabel_soft_margin_loss(x, multi_hot, reduction=reduction),
        ),
    ]
    for ours, theirs in pairs:
        assert ours.shape == expected
        torch.testing.assert_close(ours, theirs)


@settings(max_examples=30)
@given(
    n=st.integers(1, 5),
    d=st.integers(1, 6),
    reduction=st.sampled_from(REDUCTIONS),
    swap=st.booleans(),
    seed=st.integers(0, 2**16),
)
def test_embedding_losses_output_shape(n, d, reduction, swap, seed):
    generator = torch.Generator().manual_seed(seed)
    a, p, neg = torch.randn(3, n, d, generator=generator)
    y = torch.randint(0, 2, (n,), generator=generator).float() * 2 - 1
    expected = (n,) if reduction == "none" else ()
    pairs = [
        (
            cosine_embedding_loss(a, p, y, 0.2, reduction),
            F.cosine_embedding_loss(a, p, y, margin=0.2, reduction=reduction),
        ),
        (
            triplet_margin_loss(a, p, neg, swap=swap, reduction=reduction),
            F.triplet_margin_loss(a, p, neg, swap=swap, reduction=reduction),
        ),
        (
            triplet_margin_with_distance_loss(a, p, neg, swap=swap, reduction=reduction),
            F.triplet_margin_with_distance_loss(a, p, neg, swap=swap, reduction=reduction),
        ),
    ]
    for ours, theirs in pairs:
        assert ours.shape == expected
        torch.testing.assert_close(ours, theirs)
