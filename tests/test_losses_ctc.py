"""CTC loss from scratch (nnref.losses.ctc) against torch, and the losses overview's claims.

CTC: values equal ``torch.nn.functional.ctc_loss`` for padded and concatenated targets, batched
and unbatched inputs, every reduction and ``zero_infinity``; the gradient with respect to the
logits (through ``log_softmax``) equals torch's; torch's gradient with respect to ``log_probs``
is the exact gradient plus the softmax, and the alpha-beta formula reproduces it; gradcheck
passes in float64; output shapes hold over random configurations (hypothesis); bad arguments
raise errors that name the argument; the pitfalls shown on the page behave as shown.

Overview: the decision table of ``docs/*/losses/index.md`` states, for every loss class of
``torch.nn``, the shapes and dtypes that ``snippets/losses/overview-table.py`` runs and prints.
"""

import inspect
import itertools
import math
import re

import pytest
import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import nn

from nnref.catalog import LANGUAGES
from nnref.losses.ctc import (
    ctc_log_alpha,
    ctc_log_beta,
    ctc_loss,
    ctc_loss_gradient,
    extend_with_blanks,
)
from nnref.paths import DOCS, ROOT

REDUCTIONS = ["none", "sum", "mean"]
DOUBLE = torch.float64


def _batch(T=7, N=3, C=5, seed=0, dtype=DOUBLE):
    """Logits (T, N, C) that require gradients, padded and concatenated targets, lengths."""
    generator = torch.Generator().manual_seed(seed)
    logits = torch.randn(T, N, C, generator=generator, dtype=dtype).requires_grad_()
    padded = torch.tensor([[1, 2, 2], [3, 1, 0], [4, 0, 0]])[:N]
    target_lengths = torch.tensor([3, 2, 1])[:N]
    concatenated = torch.cat([row[:n] for row, n in zip(padded, target_lengths, strict=True)])
    input_lengths = torch.tensor([T, T - 2, 2])[:N]
    return logits, padded, concatenated, input_lengths, target_lengths


def _valid_mask(log_probs, input_lengths):
    """1 on the frames each example uses (t < input_lengths[n]), 0 after; shape (T, N, 1)."""
    steps = torch.arange(log_probs.shape[0])[:, None]
    return (steps < input_lengths[None, :]).to(log_probs.dtype).unsqueeze(-1)


# --------------------------------------------------------------------------------------------
# Values and gradients
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("zero_infinity", [False, True])
@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("layout", ["padded", "concatenated"])
def test_values_and_logit_gradients_equal_torch(layout, reduction, zero_infinity):
    logits, padded, concatenated, input_lengths, target_lengths = _batch()
    targets = padded if layout == "padded" else concatenated
    options = {"reduction": reduction, "zero_infinity": zero_infinity}
    ours = ctc_loss(logits.log_softmax(2), targets, input_lengths, target_lengths, **options)
    theirs = F.ctc_loss(logits.log_softmax(2), targets, input_lengths, target_lengths, **options)
    torch.testing.assert_close(ours, theirs)
    upstream = torch.rand_like(theirs) + 0.5
    (grad_ours,) = torch.autograd.grad(ours, logits, upstream)
    (grad_theirs,) = torch.autograd.grad(theirs, logits, upstream)
    torch.testing.assert_close(grad_ours, grad_theirs)


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize(("T", "C"), [(1, 2), (4, 3), (9, 6)])
def test_values_equal_torch_over_sizes_and_float32(T, C, seed):
    generator = torch.Generator().manual_seed(seed)
    N, S = 3, min(T, 3)
    log_probs = torch.randn(T, N, C, generator=generator).log_softmax(2)
    targets = torch.randint(1, C, (N, S), generator=generator)
    target_lengths = torch.randint(0, S + 1, (N,), generator=generator)
    input_lengths = torch.randint(0, T + 1, (N,), generator=generator)
    for reduction in REDUCTIONS:
        args = (log_probs, targets, input_lengths, target_lengths)
        torch.testing.assert_close(
            ctc_loss(*args, reduction=reduction, zero_infinity=True),
            F.ctc_loss(*args, reduction=reduction, zero_infinity=True),
        )
        torch.testing.assert_close(
            ctc_loss(*args, reduction="none"), F.ctc_loss(*args, reduction="none")
        )


@pytest.mark.parametrize("blank", [0, 2, 4])
def test_any_blank_index_equals_torch(blank):
    generator = torch.Generator().manual_seed(blank)
    log_probs = torch.randn(6, 2, 5, generator=generator, dtype=DOUBLE).log_softmax(2)
    labels = [c for c in range(5) if c != blank]
    targets = torch.tensor([[labels[0], labels[1], labels[1]], [labels[3], labels[2], blank]])
    args = (log_probs, targets, torch.tensor([6, 5]), torch.tensor([3, 2]))
    torch.testing.assert_close(
        ctc_loss(*args, blank=blank, reduction="none"),
        F.ctc_loss(*args, blank=blank, reduction="none"),
    )


@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_unbatched_input_equals_torch(reduction):
    logits, padded, _, _, _ = _batch()
    log_probs = logits[:, 0].log_softmax(1)
    args = (log_probs, padded[0], torch.tensor(7), torch.tensor(3))
    ours, theirs = ctc_loss(*args, reduction=reduction), F.ctc_loss(*args, reduction=reduction)
    assert ours.shape == theirs.shape == ()
    torch.testing.assert_close(ours, theirs)


def test_mean_divides_each_loss_by_its_target_length_then_averages():
    logits, padded, _, input_lengths, target_lengths = _batch()
    args = (logits.log_softmax(2), padded, input_lengths, target_lengths)
    per_example = ctc_loss(*args, reduction="none")
    torch.testing.assert_close(ctc_loss(*args), (per_example / target_lengths).mean())
    torch.testing.assert_close(F.ctc_loss(*args), (per_example / target_lengths).mean())
    assert not torch.allclose(F.ctc_loss(*args), per_example.mean())


def test_empty_target_is_divided_by_one_and_costs_all_blanks():
    log_probs = torch.randn(5, 2, 4, dtype=DOUBLE).log_softmax(2)
    args = (log_probs, torch.tensor([[1, 2], [3, 0]]), torch.tensor([5, 4]), torch.tensor([2, 0]))
    per_example = ctc_loss(*args, reduction="none")
    torch.testing.assert_close(per_example[1], -log_probs[:4, 1, 0].sum())
    torch.testing.assert_close(ctc_loss(*args), (per_example[0] / 2 + per_example[1]) / 2)
    torch.testing.assert_close(ctc_loss(*args), F.ctc_loss(*args))


@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_torch_log_probs_gradient_is_exact_gradient_plus_softmax(reduction):
    logits, padded, _, input_lengths, target_lengths = _batch()
    log_probs = logits.detach().log_softmax(2).requires_grad_()
    args = (log_probs, padded, input_lengths, target_lengths)
    (theirs,) = torch.autograd.grad(F.ctc_loss(*args, reduction=reduction).sum(), log_probs)
    (exact,) = torch.autograd.grad(ctc_loss(*args, reduction=reduction).sum(), log_probs)
    scale = torch.ones(3, dtype=DOUBLE)
    if reduction == "mean":
        scale = 1 / (3 * target_lengths.clamp(min=1).to(DOUBLE))
    softmax = log_probs.detach().exp() * _valid_mask(log_probs, input_lengths) * scale[:, None]
    torch.testing.assert_close(theirs, exact + softmax)
    torch.testing.assert_close(theirs.sum(2), torch.zeros(7, 3, dtype=DOUBLE))
    torch.testing.assert_close(exact.sum(2), -_valid_mask(log_probs, input_lengths)[..., 0] * scale)


@pytest.mark.parametrize("zero_infinity", [False, True])
@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("layout", ["padded", "concatenated"])
def test_alpha_beta_gradient_equals_torch(layout, reduction, zero_infinity):
    logits, padded, concatenated, _, target_lengths = _batch(seed=3)
    targets = padded if layout == "padded" else concatenated
    input_lengths = torch.tensor([3, 5, 2])  # example 0 ("1 2 2") needs 4 frames: no alignment
    log_probs = logits.detach().log_softmax(2).requires_grad_()
    options = {"reduction": reduction, "zero_infinity": zero_infinity}
    args = (log_probs, targets, input_lengths, target_lengths)
    (theirs,) = torch.autograd.grad(F.ctc_loss(*args, **options).sum(), log_probs)
    ours = ctc_loss_gradient(*args, **options)
    torch.testing.assert_close(ours, theirs, equal_nan=True)
    assert ours[:3, 0].isnan().all() != zero_infinity


def test_unbatched_alpha_beta_gradient_equals_torch():
    log_probs = torch.randn(6, 4, dtype=DOUBLE).log_softmax(1).requires_grad_()
    args = (log_probs, torch.tensor([1, 3, 3]), torch.tensor(6), torch.tensor(3))
    (theirs,) = torch.autograd.grad(F.ctc_loss(*args), log_probs)
    torch.testing.assert_close(ctc_loss_gradient(*args), theirs)


@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_gradcheck_in_float64(reduction):
    log_probs = torch.randn(5, 2, 3, dtype=DOUBLE).log_softmax(2).requires_grad_()
    targets, lengths = torch.tensor([[1, 1], [2, 0]]), (torch.tensor([5, 4]), torch.tensor([2, 1]))
    assert torch.autograd.gradcheck(
        lambda lp: ctc_loss(lp, targets, *lengths, reduction=reduction), (log_probs,)
    )
    logits = torch.randn(5, 2, 3, dtype=DOUBLE, requires_grad=True)
    assert torch.autograd.gradcheck(
        lambda z: ctc_loss(z.log_softmax(2), targets, *lengths, reduction=reduction), (logits,)
    )


def test_torch_fails_gradcheck_in_log_probs_but_passes_in_logits():
    log_probs = torch.randn(5, 3, dtype=DOUBLE).log_softmax(1).requires_grad_()
    target, lengths = torch.tensor([1, 2]), (torch.tensor(5), torch.tensor(2))
    assert not torch.autograd.gradcheck(
        lambda lp: F.ctc_loss(lp, target, *lengths), (log_probs,), raise_exception=False
    )
    logits = torch.randn(5, 3, dtype=DOUBLE, requires_grad=True)
    assert torch.autograd.gradcheck(
        lambda z: F.ctc_loss(z.log_softmax(1), target, *lengths), (logits,)
    )


@pytest.mark.parametrize(
    ("log_probs_of", "exact"),
    [
        (lambda z: z[0].log_softmax(1), True),
        (lambda z: z[0].softmax(1).log(), True),
        (lambda z: torch.log(0.3 * z[0].softmax(1) + 0.7 * z[1].softmax(1)), True),
        (lambda z: z[0].log_softmax(1) + 0.5, True),
        (lambda z: (z[0] / 2).log_softmax(1), True),
        (lambda z: z[0].log_softmax(1) / 0.5, False),
        (lambda z: z[0] * 1.0, False),
    ],
    ids=[
        "log_softmax",
        "log-of-softmax",
        "mixture",
        "constant",
        "temperature-first",
        "temperature-after",
        "raw-logits",
    ],
)
def test_torch_gradient_is_exact_upstream_only_for_log_probs_normalised_per_frame(
    log_probs_of, exact
):
    """The extra softmax term of torch's gradient is the gradient of sum_k exp(log_probs): it
    vanishes upstream whenever that sum is constant (1, or e^c for a constant shift)."""
    z = torch.randn(2, 6, 4, dtype=DOUBLE, generator=torch.Generator().manual_seed(0))
    z.requires_grad_()
    target, lengths = torch.tensor([1, 2, 2]), (torch.tensor(6), torch.tensor(3))
    (g_torch,) = torch.autograd.grad(F.ctc_loss(log_probs_of(z), target, *lengths), z)
    (g_exact,) = torch.autograd.grad(ctc_loss(log_probs_of(z), target, *lengths), z)
    assert torch.allclose(g_torch, g_exact) is exact


def test_padding_value_is_ignored():
    log_probs = torch.randn(6, 2, 5, dtype=DOUBLE).log_softmax(2)
    lengths = (torch.tensor([6, 6]), torch.tensor([3, 2]))
    losses = [
        F.ctc_loss(log_probs, torch.tensor([[1, 2, 3], [2, 4, pad]]), *lengths, reduction="none")
        for pad in (0, 99, -5)
    ]
    torch.testing.assert_close(losses[0], losses[1])
    torch.testing.assert_close(losses[0], losses[2])
    ours = ctc_loss(log_probs, torch.tensor([[1, 2, 3], [2, 4, 99]]), *lengths, reduction="none")
    torch.testing.assert_close(ours, losses[0])


def test_as_many_frames_as_labels_is_the_summed_nll_of_the_frames():
    log_probs = torch.randn(3, 5, dtype=DOUBLE).log_softmax(1)
    target = torch.tensor([1, 3, 2])
    args = (log_probs, target, torch.tensor(3), torch.tensor(3))
    expected = F.nll_loss(log_probs, target, reduction="sum")
    torch.testing.assert_close(ctc_loss(*args, reduction="sum"), expected)
    torch.testing.assert_close(F.ctc_loss(*args, reduction="sum"), expected)


# --------------------------------------------------------------------------------------------
# The recursions
# --------------------------------------------------------------------------------------------


def _collapse(path, blank=0):
    merged = [s for i, s in enumerate(path) if i == 0 or s != path[i - 1]]
    return [s for s in merged if s != blank]


@pytest.mark.parametrize(("T", "target"), [(3, [1]), (4, [1, 1]), (5, [1, 1, 2]), (5, [2, 1])])
def test_loss_is_minus_log_of_the_sum_over_brute_force_alignments(T, target):
    log_probs = torch.randn(T, 3, dtype=DOUBLE).log_softmax(1)
    paths = [p for p in itertools.product(range(3), repeat=T) if _collapse(list(p)) == target]
    p = sum(math.exp(sum(log_probs[t, s].item() for t, s in enumerate(path))) for path in paths)
    ours = ctc_loss(log_probs, torch.tensor(target), torch.tensor(T), torch.tensor(len(target)))
    torch.testing.assert_close(ours * len(target), torch.tensor(-math.log(p), dtype=DOUBLE))
    # with every log-probability 0, exp(-loss) counts the alignments
    zeros = torch.zeros(T, 3, dtype=DOUBLE)
    count = ctc_loss(
        zeros, torch.tensor(target), torch.tensor(T), torch.tensor(len(target)), reduction="sum"
    )
    assert round(math.exp(-count.item())) == len(paths)


def test_alpha_times_beta_sums_to_p_at_every_frame():
    log_probs = torch.randn(7, 4, dtype=DOUBLE).log_softmax(1)
    target = torch.tensor([1, 3, 3])
    alpha, beta = ctc_log_alpha(log_probs, target), ctc_log_beta(log_probs, target)
    extended = extend_with_blanks(target, 0)
    assert extended.tolist() == [0, 1, 0, 3, 0, 3, 0]
    per_frame = torch.logsumexp(alpha + beta - log_probs[:, extended], dim=1)
    log_p = torch.logsumexp(alpha[-1, -2:], dim=0)
    torch.testing.assert_close(per_frame, log_p.expand(7))
    torch.testing.assert_close(beta[0, :2].logsumexp(0), log_p)


def test_unreachable_cells_are_minus_infinity():
    alpha = ctc_log_alpha(torch.zeros(3, 3, dtype=DOUBLE), torch.tensor([1, 1]))
    # "1 1" needs 3 frames: 1, blank, 1; the last label is reached only at the last frame
    assert torch.isinf(alpha[0, 2:]).all() and torch.isinf(alpha[1, 4]).all()
    assert torch.isfinite(alpha[2, 3])


# --------------------------------------------------------------------------------------------
# Shapes over random configurations
# --------------------------------------------------------------------------------------------


@settings(max_examples=30)
@given(
    T=st.integers(1, 6),
    N=st.integers(1, 3),
    C=st.integers(2, 5),
    S=st.integers(0, 4),
    seed=st.integers(0, 2**16),
    concatenate=st.booleans(),
)
def test_output_shapes_and_values_over_random_configurations(T, N, C, S, seed, concatenate):
    generator = torch.Generator().manual_seed(seed)
    log_probs = torch.randn(T, N, C, generator=generator, dtype=DOUBLE).log_softmax(2)
    padded = torch.randint(1, C, (N, S), generator=generator)
    target_lengths = torch.randint(0, S + 1, (N,), generator=generator)
    input_lengths = torch.randint(0, T + 1, (N,), generator=generator)
    targets = padded
    if concatenate:
        targets = torch.cat([row[:n] for row, n in zip(padded, target_lengths, strict=True)])
    args = (log_probs, targets, input_lengths, target_lengths)
    for reduction in REDUCTIONS:
        ours = ctc_loss(*args, reduction=reduction, zero_infinity=True)
        theirs = F.ctc_loss(*args, reduction=reduction, zero_infinity=True)
        assert ours.shape == theirs.shape == ((N,) if reduction == "none" else ())
        torch.testing.assert_close(ours, theirs)


# --------------------------------------------------------------------------------------------
# Bad arguments
# --------------------------------------------------------------------------------------------


def _good():
    return [
        torch.randn(6, 2, 4).log_softmax(2),
        torch.tensor([[1, 2, 3], [2, 2, 0]]),
        torch.tensor([6, 6]),
        torch.tensor([3, 2]),
    ]


@pytest.mark.parametrize(
    ("index", "value", "error", "match"),
    [
        (0, [[0.0]], TypeError, "log_probs"),
        (0, torch.zeros(6, 2, 4, dtype=torch.int64), TypeError, "log_probs"),
        (0, torch.zeros(6), ValueError, "log_probs"),
        (0, torch.zeros(1, 6, 2, 4), ValueError, "log_probs"),
        (1, torch.tensor([[1.0, 2.0, 3.0], [2.0, 2.0, 0.0]]), TypeError, "targets"),
        (1, torch.tensor([[1, 2, 3]]), ValueError, "targets"),
        (1, torch.tensor([[[1, 2, 3]]]), ValueError, "targets"),
        (1, torch.tensor([1, 2, 3, 2]), ValueError, "targets"),
        (1, torch.tensor([[1, 2, 4], [2, 2, 0]]), ValueError, "targets"),
        (1, torch.tensor([[1, -1, 3], [2, 2, 0]]), ValueError, "targets"),
        (1, torch.tensor([[1, 0, 3], [2, 2, 0]]), ValueError, "blank"),
        (2, torch.tensor([7, 6]), ValueError, "input_lengths"),
        (2, torch.tensor([-1, 6]), ValueError, "input_lengths"),
        (2, torch.tensor([6, 6, 6]), ValueError, "input_lengths"),
        (2, torch.tensor([6.0, 6.0]), TypeError, "input_lengths"),
        (2, 6, TypeError, "input_lengths"),
        (3, torch.tensor([4, 2]), ValueError, "target_lengths"),
        (3, torch.tensor([-1, 2]), ValueError, "target_lengths"),
        (3, [3.0, 2.0], TypeError, "target_lengths"),
    ],
)
def test_bad_arguments_raise_errors_naming_them(index, value, error, match):
    args = _good()
    args[index] = value
    with pytest.raises(error, match=match):
        ctc_loss(*args)
    with pytest.raises(error, match=match):
        ctc_loss_gradient(*args)


@pytest.mark.parametrize(
    ("options", "error", "match"),
    [
        ({"reduction": "avg"}, ValueError, "reduction"),
        ({"blank": 4}, ValueError, "blank"),
        ({"blank": -1}, ValueError, "blank"),
        ({"blank": 1.0}, TypeError, "blank"),
    ],
)
def test_bad_options_raise_errors_naming_them(options, error, match):
    with pytest.raises(error, match=match):
        ctc_loss(*_good(), **options)


def test_lengths_may_be_sequences_of_ints():
    args = _good()
    torch.testing.assert_close(
        ctc_loss(args[0], args[1], [6, 6], (3, 2), reduction="none"),
        F.ctc_loss(args[0], args[1], [6, 6], (3, 2), reduction="none"),
    )


def test_unbatched_lengths_must_be_zero_dimensional():
    log_probs = torch.randn(5, 3).log_softmax(1)
    with pytest.raises(ValueError, match="input_lengths"):
        ctc_loss(log_probs, torch.tensor([1, 2]), torch.tensor([5]), torch.tensor(2))


def test_torch_does_not_check_what_nnref_rejects():
    """The checks nnref adds: torch silently computes a number for these targets."""
    args = _good()
    for bad in ([[1, 0, 3], [2, 2, 0]], [[1, 2, 7], [2, 2, 0]]):
        assert torch.isfinite(F.ctc_loss(args[0], torch.tensor(bad), *args[2:]))
    truncated = F.ctc_loss(args[0], args[1].double() + 0.7, *args[2:])
    torch.testing.assert_close(truncated, F.ctc_loss(*args))


# --------------------------------------------------------------------------------------------
# Pitfalls shown on the page
# --------------------------------------------------------------------------------------------


def test_softmax_or_raw_logits_give_negative_losses():
    logits = torch.randn(8, 2, 5, generator=torch.Generator().manual_seed(0))
    args = (torch.tensor([[1, 2, 3], [4, 4, 0]]), torch.tensor([8, 8]), torch.tensor([3, 2]))
    assert (F.ctc_loss(logits.log_softmax(2), *args, reduction="none") > 0).all()
    assert (F.ctc_loss(logits.softmax(2), *args, reduction="none") < 0).all()
    assert (F.ctc_loss(logits, *args, reduction="none") < 0).all()


def test_batch_first_log_probs_fail_or_give_wrong_losses():
    batch_first = torch.randn(2, 8, 5).log_softmax(2)
    targets, target_lengths = torch.tensor([[1, 2, 3], [4, 4, 0]]), torch.tensor([3, 2])
    with pytest.raises(RuntimeError, match="input_lengths must be of size batch_size"):
        F.ctc_loss(batch_first, targets, torch.tensor([8, 8]), target_lengths)
    square = torch.randn(4, 4, 5).log_softmax(2)
    args = (
        torch.tensor([[1, 2], [3, 0], [2, 2], [4, 1]]),
        torch.full((4,), 4),
        torch.tensor([2, 1, 2, 2]),
    )
    wrong = F.ctc_loss(square, *args, reduction="none")
    right = F.ctc_loss(square.transpose(0, 1), *args, reduction="none")
    assert torch.isfinite(wrong).all() and not torch.allclose(wrong, right)


def test_too_short_input_gives_infinite_loss_and_nan_gradient_unless_zero_infinity():
    logits = torch.randn(3, 2, 4, requires_grad=True)
    args = (torch.tensor([[1, 1, 2], [3, 0, 0]]), torch.tensor([3, 3]), torch.tensor([3, 1]))
    loss = F.ctc_loss(logits.log_softmax(2), *args)
    (grad,) = torch.autograd.grad(loss, logits)
    assert torch.isinf(loss) and grad.isnan().any()
    loss = F.ctc_loss(logits.log_softmax(2), *args, zero_infinity=True)
    (grad,) = torch.autograd.grad(loss, logits)
    assert torch.isfinite(loss) and not grad.isnan().any() and (grad[:, 0] == 0).all()
    per_example = F.ctc_loss(logits.log_softmax(2), *args, reduction="none", zero_infinity=True)
    torch.testing.assert_close(loss, per_example[1] / 2)  # the zeroed example still counts in N


def test_blank_shared_with_a_digit_makes_labels_indistinguishable():
    frames = F.one_hot(torch.tensor([1, 1, 0, 3, 3]), 10).float().mul(20).log_softmax(1)

    def loss(target):
        lengths = torch.tensor(5), torch.tensor(len(target))
        return F.ctc_loss(frames, torch.tensor(target), *lengths, reduction="sum")

    assert loss([1, 0, 3]) < 1e-6 and loss([1, 3]) < 1e-6
    shifted = F.one_hot(torch.tensor([2, 2, 1, 4, 4]), 11).float().mul(20).log_softmax(1)
    lengths = torch.tensor(5), torch.tensor(2)
    assert F.ctc_loss(shifted, torch.tensor([2, 4]), *lengths, reduction="sum") > 10


# --------------------------------------------------------------------------------------------
# The losses overview: pitfalls and the decision table
# --------------------------------------------------------------------------------------------


def test_softmax_before_cross_entropy_has_a_floor():
    C, labels = 10, torch.tensor([3, 7])
    logits = 50 * F.one_hot(labels, C).float()
    assert F.cross_entropy(logits, labels) < 1e-6
    floor = math.log1p((C - 1) / math.e)
    assert F.cross_entropy(logits.softmax(1), labels).item() == pytest.approx(floor, rel=1e-5)
    twice = F.binary_cross_entropy_with_logits(
        torch.tensor([50.0, -50.0]).sigmoid(), torch.tensor([1.0, 0.0])
    )
    expected = (math.log1p(math.exp(-1)) + math.log(2)) / 2
    assert twice.item() == pytest.approx(expected, rel=1e-5)


def test_relu_before_mse_cannot_reach_negative_targets():
    raw = torch.tensor([-1.5, 2.0], requires_grad=True)
    loss = F.mse_loss(torch.relu(raw), torch.tensor([-1.5, 2.0]))
    loss.backward()
    assert loss.item() == pytest.approx(1.125) and (raw.grad == 0).all()


def test_class_targets_need_int64_indices_or_float_probabilities():
    logits = torch.tensor([[2.0, 0.5, -1.0], [0.1, 1.5, 0.3]])
    indices = F.cross_entropy(logits, torch.tensor([0, 1]))
    one_hot = F.cross_entropy(logits, torch.tensor([[1.0, 0, 0], [0, 1, 0]]))
    torch.testing.assert_close(indices, one_hot)
    for bad in ([[1, 0, 0], [0, 1, 0]], [0.0, 1.0], [[0], [1]]):
        with pytest.raises(RuntimeError):
            F.cross_entropy(logits, torch.tensor(bad))
    with pytest.raises(RuntimeError, match="can't be cast"):
        F.binary_cross_entropy_with_logits(logits[:, 0], torch.tensor([1, 0]))


LOSS_CLASSES = sorted(name for name in dir(nn) if "Loss" in name)
SHAPE = re.compile(r"`(\([A-Z, ]*\))`")
DTYPE = re.compile(r"\b(float|int64)\b")


def _golden_table():
    """{class: (input shapes, input dtypes, target shapes, target dtypes, outputs)} printed."""
    rows = {}
    text = (ROOT / "snippets" / "losses" / "overview-table.out").read_text(encoding="utf-8")
    for line in text.splitlines():
        name, rest = line.split(": ", 1)
        inputs, targets, outputs = rest.split(" | ")
        rows[name] = (
            re.findall(r"\([A-Z, ]*\)", inputs),
            DTYPE.findall(inputs),
            re.findall(r"\([A-Z, ]*\)", targets),
            DTYPE.findall(targets),
            re.findall(r"\([A-Z, ]*\)", outputs)[0],
        )
    return rows


def _page_table(lang):
    """The same facts read from the decision table of docs/<lang>/losses/index.md."""
    rows = {}
    text = (DOCS / lang / "losses" / "index.md").read_text(encoding="utf-8")
    for line in text.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        match = re.match(r"\[?`nn\.(\w+)`", cells[0]) if len(cells) >= 7 else None
        if not match:
            continue
        inputs, targets, output = cells[2], cells[3], cells[5]
        rows[match[1]] = (
            SHAPE.findall(inputs),
            DTYPE.findall(inputs),
            SHAPE.findall(targets),
            DTYPE.findall(targets),
            SHAPE.findall(output)[0],
        )
    return rows


def test_overview_snippet_runs_every_loss_class_of_torch_nn():
    loss_classes = [n for n in LOSS_CLASSES if inspect.isclass(getattr(nn, n))]
    assert len(loss_classes) == 24
    assert sorted(_golden_table()) == loss_classes


@pytest.mark.parametrize("lang", LANGUAGES)
def test_overview_table_states_what_the_snippet_runs(lang):
    page, golden = _page_table(lang), _golden_table()
    assert sorted(page) == sorted(golden), f"docs/{lang}/losses/index.md: classes differ"
    for name, facts in golden.items():
        assert page[name] == facts, (
            f"docs/{lang}/losses/index.md, row nn.{name}: {page[name]} != {facts}"
        )
