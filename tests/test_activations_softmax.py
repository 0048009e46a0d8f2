"""The softmax family and cross-entropy from logits, from scratch, against torch."""

import pytest
import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import nn

from nnref.activations.softmax import (
    log_softmax,
    log_softmax_backward,
    logsumexp,
    softmax,
    softmax2d,
    softmax_backward,
    softmax_jacobian,
    softmin,
)
from nnref.losses.softmax_cross_entropy import (
    cross_entropy,
    cross_entropy_gradient,
    smoothed_targets,
)
from nnref.paths import SNIPPETS
from nnref.snippets import run_snippet

SHAPES = [(5,), (3, 4), (2, 3, 4), (2, 3, 2, 2)]
PAIRS = [  # (ours, torch's function of (x, dim))
    (softmax, torch.softmax),
    (softmin, F.softmin),
    (log_softmax, torch.log_softmax),
]
PAIR_IDS = ["softmax", "softmin", "log_softmax"]


def _random(shape, seed=0, scale=3.0):
    generator = torch.Generator().manual_seed(seed)
    return (scale * torch.randn(shape, generator=generator, dtype=torch.float64)).requires_grad_()


# --- values and gradients -------------------------------------------------------------------


@pytest.mark.parametrize(("ours", "theirs"), PAIRS, ids=PAIR_IDS)
@pytest.mark.parametrize("shape", SHAPES, ids=str)
def test_values_and_gradients_equal_torch_along_every_dim(ours, theirs, shape):
    x = _random(shape)
    for dim in range(-len(shape), len(shape)):
        mine, reference = ours(x, dim), theirs(x, dim)
        torch.testing.assert_close(mine, reference)
        upstream = torch.randn_like(mine)
        (g_mine,) = torch.autograd.grad(mine, x, upstream)
        (g_ref,) = torch.autograd.grad(reference, x, upstream)
        torch.testing.assert_close(g_mine, g_ref)


@pytest.mark.parametrize("ours", [softmax, softmin, log_softmax], ids=PAIR_IDS)
def test_gradcheck_in_float64(ours):
    x = _random((3, 4), seed=1)
    assert torch.autograd.gradcheck(lambda t: ours(t, 1), (x,))
    assert torch.autograd.gradgradcheck(lambda t: ours(t, 0), (x,))


def test_softmax_sums_to_one_and_softmin_reverses_the_order():
    x = _random((4, 6), seed=2).detach()
    torch.testing.assert_close(softmax(x, 1).sum(1), torch.ones(4, dtype=torch.float64))
    assert torch.equal(softmax(x, 1).argmax(1), x.argmax(1))
    assert torch.equal(softmin(x, 1).argmax(1), x.argmin(1))
    torch.testing.assert_close(softmin(x, 1), softmax(-x, 1))


def test_zero_dimensional_input_behaves_like_torch():
    x = torch.tensor(2.5, dtype=torch.float64, requires_grad=True)
    for ours, theirs in PAIRS:
        mine, reference = ours(x, 0), theirs(x, -1)
        torch.testing.assert_close(mine, reference)
        (g_mine,) = torch.autograd.grad(mine, x)
        (g_ref,) = torch.autograd.grad(reference, x)
        torch.testing.assert_close(g_mine, g_ref)


def test_dtype_argument_casts_first_like_torch():
    x = torch.randn(3, 5, dtype=torch.float16)
    for ours, theirs in PAIRS:
        mine = ours(x, 1, dtype=torch.float64)
        assert mine.dtype == torch.float64
        torch.testing.assert_close(mine, theirs(x, 1, dtype=torch.float64))


# --- invariance, temperature, stability -----------------------------------------------------


def test_adding_a_constant_to_every_logit_changes_nothing():
    x = _random((3, 5), seed=3).detach()
    shifted = x + torch.tensor([[100.0], [-50.0], [7.0]], dtype=torch.float64)
    torch.testing.assert_close(softmax(shifted, 1), softmax(x, 1))
    torch.testing.assert_close(log_softmax(shifted, 1), log_softmax(x, 1))
    # scaling is not an invariance: it is the temperature
    assert not torch.allclose(softmax(2 * x, 1), softmax(x, 1))


def test_temperature_goes_from_argmax_to_uniform():
    x = torch.tensor([2.0, 1.0, 0.5, -1.0], dtype=torch.float64)
    cold, hot = softmax(x / 0.01, 0), softmax(x / 1e4, 0)
    torch.testing.assert_close(cold, F.one_hot(x.argmax(), 4).to(x.dtype))
    torch.testing.assert_close(hot, torch.full((4,), 0.25, dtype=x.dtype), atol=1e-3, rtol=0)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_extreme_logits_give_no_nan(dtype):
    x = torch.tensor([[1000.0, -1000.0, 0.0], [-1000.0, -1000.0, -1000.0]], dtype=dtype)
    x.requires_grad_()
    for ours, theirs in PAIRS:
        mine = ours(x, 1)
        assert torch.isfinite(mine).all()
        torch.testing.assert_close(mine, theirs(x, 1))
        (grad,) = torch.autograd.grad(mine.sum(), x)
        assert torch.isfinite(grad).all()
    assert log_softmax(x, 1)[0].tolist() == [0.0, -2000.0, -1000.0]
    naive = torch.exp(x.detach()) / torch.exp(x.detach()).sum(1, keepdim=True)
    assert torch.isnan(naive[0, 0])  # exp(1000) = inf, inf / inf = nan: the trick is needed


def test_log_of_softmax_underflows_where_log_softmax_does_not():
    x = torch.tensor([0.0, 200.0])
    assert torch.log(softmax(x, 0))[0] == float("-inf")
    assert log_softmax(x, 0).tolist() == [-200.0, 0.0]


@pytest.mark.parametrize("dim", [0, 1, (0, 1), [1, -1]], ids=str)
@pytest.mark.parametrize("keepdim", [False, True])
def test_logsumexp_equals_torch(dim, keepdim):
    x = _random((3, 4, 2), seed=4)
    mine, reference = logsumexp(x, dim, keepdim), torch.logsumexp(x, dim, keepdim)
    torch.testing.assert_close(mine, reference)
    (g_mine,) = torch.autograd.grad(mine.sum(), x)
    (g_ref,) = torch.autograd.grad(reference.sum(), x)
    torch.testing.assert_close(g_mine, g_ref)
    assert torch.autograd.gradcheck(lambda t: logsumexp(t, dim, keepdim), (x,))


def test_logsumexp_of_infinities_and_huge_values_equals_torch():
    inf = float("inf")
    x = torch.tensor([[-inf, -inf], [inf, 1.0], [1000.0, 1000.0], [-1000.0, 0.0]])
    torch.testing.assert_close(logsumexp(x, 1), torch.logsumexp(x, 1))
    assert logsumexp(x, 1)[2].item() == pytest.approx(1000.0 + torch.log(torch.tensor(2.0)).item())


# --- Jacobian and backward formulas ---------------------------------------------------------


@pytest.mark.parametrize("n", [1, 2, 5])
def test_jacobian_equals_autograd_jacobian(n):
    x = _random((n,), seed=5).detach()
    expected = torch.autograd.functional.jacobian(lambda t: torch.softmax(t, 0), x)
    torch.testing.assert_close(softmax_jacobian(x, 0), expected)
    s = torch.softmax(x, 0)
    torch.testing.assert_close(softmax_jacobian(x, 0), torch.diag(s) - torch.outer(s, s))
    torch.testing.assert_close(softmax_jacobian(x).sum(1), torch.zeros(n, dtype=x.dtype))


def test_batched_jacobian_is_the_diagonal_block_of_the_full_jacobian():
    x = _random((2, 4, 3), seed=6).detach()
    full = torch.autograd.functional.jacobian(lambda t: torch.softmax(t, 1), x)  # (2,4,3,2,4,3)
    ours = softmax_jacobian(x, 1)  # (2, 3, 4, 4): dim 1 moved last
    assert ours.shape == (2, 3, 4, 4)
    for n in range(2):
        for k in range(3):
            torch.testing.assert_close(ours[n, k], full[n, :, k, n, :, k])


@pytest.mark.parametrize("shape", SHAPES, ids=str)
def test_backward_formulas_equal_autograd(shape):
    x = _random(shape, seed=7)
    dim = len(shape) - 1
    upstream = torch.randn(shape, dtype=torch.float64)
    s = torch.softmax(x, dim)
    (expected,) = torch.autograd.grad(s, x, upstream)
    torch.testing.assert_close(softmax_backward(upstream, s.detach(), dim), expected)
    log_s = torch.log_softmax(x, dim)
    (expected,) = torch.autograd.grad(log_s, x, upstream)
    torch.testing.assert_close(log_softmax_backward(upstream, log_s.detach(), dim), expected)


# --- Softmax2d and the modules ---------------------------------------------------------------


@pytest.mark.parametrize("shape", [(3, 4, 5), (2, 3, 4, 5)], ids=str)
def test_softmax2d_equals_the_module_and_normalises_channels(shape):
    x = _random(shape, seed=8)
    mine, reference = softmax2d(x), nn.Softmax2d()(x)
    torch.testing.assert_close(mine, reference)
    torch.testing.assert_close(mine.sum(-3), torch.ones(mine.sum(-3).shape, dtype=x.dtype))
    upstream = torch.randn_like(mine)
    (g_mine,) = torch.autograd.grad(mine, x, upstream)
    (g_ref,) = torch.autograd.grad(reference, x, upstream)
    torch.testing.assert_close(g_mine, g_ref)
    assert torch.autograd.gradcheck(softmax2d, (x.detach()[..., :2, :2].requires_grad_(),))


@pytest.mark.parametrize("shape", [(4,), (2, 3, 4, 5, 6)], ids=str)
def test_softmax2d_rejects_other_ranks_like_the_module(shape):
    x = torch.randn(shape)
    with pytest.raises(ValueError, match="3D or 4D"):
        nn.Softmax2d()(x)
    with pytest.raises(ValueError, match="input must be 3D"):
        softmax2d(x)


@pytest.mark.parametrize(
    ("module", "ours"),
    [(nn.Softmax, softmax), (nn.Softmin, softmin), (nn.LogSoftmax, log_softmax)],
    ids=PAIR_IDS,
)
def test_modules_equal_the_functions(module, ours):
    x = _random((2, 5), seed=9)
    torch.testing.assert_close(module(dim=-1)(x), ours(x, -1))


def test_implicit_dim_warns_and_picks_the_batch_axis_of_a_3d_input():
    x = torch.randn(2, 3, 4)
    with pytest.warns(UserWarning, match="Implicit dimension choice for softmax"):
        y = nn.Softmax()(x)
    torch.testing.assert_close(y, softmax(x, 0))  # dim 0, not the last axis
    with pytest.raises(TypeError, match="dim must be an int"):
        softmax(x, None)


# --- hypothesis over shapes and dims ----------------------------------------------------------


@settings(max_examples=40)
@given(
    shape=st.lists(st.integers(1, 4), min_size=1, max_size=4),
    data=st.data(),
    function=st.sampled_from(range(len(PAIRS))),
)
def test_shapes_and_values_over_random_shapes_and_dims(shape, data, function):
    dim = data.draw(st.integers(-len(shape), len(shape) - 1), label="dim")
    x = torch.randn(shape, dtype=torch.float64)
    ours, theirs = PAIRS[function]
    mine = ours(x, dim)
    assert mine.shape == x.shape
    torch.testing.assert_close(mine, theirs(x, dim))
    torch.testing.assert_close(logsumexp(x, dim), torch.logsumexp(x, dim))


# --- errors -----------------------------------------------------------------------------------


def test_bad_arguments_raise_errors_naming_them():
    x = torch.randn(2, 3)
    with pytest.raises(IndexError, match=r"dim out of range .*\[-2, 1\].* got 2"):
        softmax(x, 2)
    with pytest.raises(IndexError):
        torch.softmax(x, 2)  # torch raises the same kind
    with pytest.raises(IndexError, match="dim out of range"):
        log_softmax(x, -3)
    with pytest.raises(TypeError, match="dim must be an int"):
        softmin(x, 1.0)
    with pytest.raises(TypeError, match=r"input must be a torch\.Tensor"):
        softmax([1.0, 2.0], 0)
    with pytest.raises(TypeError, match="input must have a floating-point dtype"):
        softmax(torch.arange(3), 0)
    with pytest.raises(TypeError, match="dtype must be a floating-point"):
        softmax(x, 0, dtype=torch.int64)
    with pytest.raises(TypeError, match="dim must be an int or a non-empty sequence"):
        logsumexp(x, ())
    with pytest.raises(ValueError, match="names a dimension twice"):
        logsumexp(x, (1, -1))
    with pytest.raises(ValueError, match="grad_output shape"):
        softmax_backward(torch.ones(3), x, 1)
    with pytest.raises(ValueError, match="at least one dimension"):
        softmax_jacobian(torch.tensor(1.0))


# --- cross-entropy from logits ----------------------------------------------------------------

CE_CASES = [  # (input shape, index-target shape)
    ((5,), ()),
    ((4, 5), (4,)),
    ((3, 4, 2), (3, 2)),
    ((2, 3, 2, 2), (2, 2, 2)),
]


@pytest.mark.parametrize(("shape", "target_shape"), CE_CASES, ids=[str(c[0]) for c in CE_CASES])
@pytest.mark.parametrize("reduction", ["none", "mean", "sum"])
@pytest.mark.parametrize("label_smoothing", [0.0, 0.1, 1.0])
def test_cross_entropy_with_class_indices_equals_torch(
    shape, target_shape, reduction, label_smoothing
):
    x = _random(shape, seed=10)
    dim = 0 if len(shape) == 1 else 1
    target = torch.randint(0, shape[dim], target_shape, generator=torch.Generator().manual_seed(1))
    mine = cross_entropy(x, target, label_smoothing, reduction)
    reference = F.cross_entropy(x, target, reduction=reduction, label_smoothing=label_smoothing)
    torch.testing.assert_close(mine, reference)
    (g_mine,) = torch.autograd.grad(mine.sum(), x)
    (g_ref,) = torch.autograd.grad(reference.sum(), x)
    torch.testing.assert_close(g_mine, g_ref)
    closed = cross_entropy_gradient(x.detach(), target, label_smoothing, reduction)
    torch.testing.assert_close(closed, g_ref)


@pytest.mark.parametrize("reduction", ["none", "mean", "sum"])
@pytest.mark.parametrize("label_smoothing", [0.0, 0.25])
def test_cross_entropy_with_probabilities_equals_torch(reduction, label_smoothing):
    x = _random((3, 4, 2), seed=11)
    target = torch.randn(3, 4, 2, dtype=torch.float64).softmax(1)
    mine = cross_entropy(x, target, label_smoothing, reduction)
    reference = F.cross_entropy(x, target, reduction=reduction, label_smoothing=label_smoothing)
    torch.testing.assert_close(mine, reference)
    (g_ref,) = torch.autograd.grad(reference.sum(), x)
    torch.testing.assert_close(
        cross_entropy_gradient(x.detach(), target, label_smoothing, reduction), g_ref
    )


def test_gradient_of_unnormalised_probability_targets_equals_torch():
    x = _random((3, 4), seed=15)
    target = torch.rand(3, 4, dtype=torch.float64) * 2  # rows do not sum to 1; torch accepts it
    reference = F.cross_entropy(x, target, reduction="sum")
    torch.testing.assert_close(cross_entropy(x, target, reduction="sum"), reference)
    (g_ref,) = torch.autograd.grad(reference, x)
    torch.testing.assert_close(cross_entropy_gradient(x.detach(), target, reduction="sum"), g_ref)


def test_cross_entropy_gradcheck_and_module_equivalences():
    x = _random((4, 3), seed=12)
    target = torch.tensor([0, 2, 1, 2])
    assert torch.autograd.gradcheck(lambda t: cross_entropy(t, target, 0.1), (x,))
    soft = torch.randn(4, 3, dtype=torch.float64).softmax(1)
    assert torch.autograd.gradcheck(lambda t: cross_entropy(t, soft, 0.0, "sum"), (x,))
    # CrossEntropyLoss = LogSoftmax + NLLLoss
    expected = nn.NLLLoss()(nn.LogSoftmax(dim=1)(x), target)
    torch.testing.assert_close(cross_entropy(x, target), expected)
    torch.testing.assert_close(nn.CrossEntropyLoss()(x, target), expected)


def test_gradient_is_softmax_minus_one_hot():
    z = torch.tensor([2.0, 1.0, 0.1], dtype=torch.float64, requires_grad=True)
    loss = cross_entropy(z, torch.tensor(0))
    (grad,) = torch.autograd.grad(loss, z)
    expected = torch.softmax(z.detach(), 0) - torch.tensor([1.0, 0.0, 0.0], dtype=z.dtype)
    torch.testing.assert_close(grad, expected)
    assert abs(grad.sum().item()) < 1e-12  # the gradient over the classes sums to zero


def test_one_hot_probabilities_equal_class_indices():
    x = _random((5, 4), seed=13).detach()
    target = torch.tensor([3, 0, 1, 1, 2])
    one_hot = F.one_hot(target, 4).to(x.dtype)
    torch.testing.assert_close(cross_entropy(x, one_hot, 0.2), cross_entropy(x, target, 0.2))


def test_label_smoothing_targets():
    x = torch.zeros(2, 4)
    q = smoothed_targets(x, torch.tensor([1, 3]), 0.2)
    torch.testing.assert_close(q[0], torch.tensor([0.05, 0.85, 0.05, 0.05]))
    torch.testing.assert_close(q.sum(1), torch.ones(2))


def test_cross_entropy_of_extreme_logits_is_finite():
    x = torch.tensor([[1000.0, -1000.0, 0.0], [0.0, 0.0, 1000.0]], requires_grad=True)
    target = torch.tensor([1, 2])
    mine = cross_entropy(x, target, reduction="none")
    assert mine.tolist() == [2000.0, 0.0]
    torch.testing.assert_close(mine, F.cross_entropy(x, target, reduction="none"))
    (grad,) = torch.autograd.grad(mine.sum(), x)
    assert torch.isfinite(grad).all()


def test_cross_entropy_is_at_least_the_entropy_of_the_target():
    x = _random((6, 5), seed=14).detach()
    q = torch.randn(6, 5, dtype=torch.float64).softmax(1)
    entropy = -(q * q.log()).sum(1)
    assert (cross_entropy(x, q, reduction="none") >= entropy - 1e-12).all()
    torch.testing.assert_close(
        cross_entropy(q.log(), q, reduction="none"), entropy
    )  # equality when the model's distribution is the target


@settings(max_examples=30)
@given(
    batch=st.integers(1, 4),
    classes=st.integers(1, 5),
    extra=st.lists(st.integers(1, 3), max_size=2),
    smoothing=st.sampled_from([0.0, 0.3]),
)
def test_cross_entropy_shapes_over_random_configurations(batch, classes, extra, smoothing):
    x = torch.randn(batch, classes, *extra, dtype=torch.float64)
    target = torch.randint(0, classes, (batch, *extra))
    mine = cross_entropy(x, target, smoothing, "none")
    assert mine.shape == (batch, *extra)
    reference = F.cross_entropy(x, target, reduction="none", label_smoothing=smoothing)
    torch.testing.assert_close(mine, reference)


def test_cross_entropy_bad_arguments_raise_errors_naming_them():
    x = torch.randn(3, 4)
    with pytest.raises(IndexError, match="target 4 is out of bounds"):
        cross_entropy(x, torch.tensor([0, 4, 1]))
    with pytest.raises(IndexError):
        F.cross_entropy(x, torch.tensor([0, 4, 1]))
    with pytest.raises(ValueError, match="label_smoothing must be between"):
        cross_entropy(x, torch.tensor([0, 1, 1]), label_smoothing=1.5)
    with pytest.raises(TypeError, match="target must hold int64"):
        cross_entropy(x, torch.tensor([0, 1, 1], dtype=torch.int32))
    with pytest.raises(ValueError, match="target of class indices must have shape"):
        cross_entropy(x, torch.tensor([0, 1]))
    with pytest.raises(ValueError, match="target of probabilities must have"):
        cross_entropy(x, torch.rand(3, 5))
    with pytest.raises(ValueError, match="reduction must be one of"):
        cross_entropy(x, torch.tensor([0, 1, 1]), reduction="average")
    with pytest.raises(TypeError, match="input must have a floating-point dtype"):
        cross_entropy(torch.ones(3, 4, dtype=torch.int64), torch.tensor([0, 1, 1]))
    with pytest.raises(ValueError, match="input must have a class dimension"):
        cross_entropy(torch.tensor(1.0), torch.tensor(0))


# --- the overview page's checks -------------------------------------------------------------


def test_overview_derivative_formulas_equal_autograd():
    output = run_snippet(SNIPPETS / "activations/overview-from-scratch.py")
    lines = output.splitlines()
    assert len(lines) == 8
    assert all("derivative formula == autograd: True" in line for line in lines), output


def test_overview_two_linear_layers_collapse_into_one():
    output = run_snippet(SNIPPETS / "activations/overview-linear-collapse.py")
    assert "two layers == one layer: True" in output
    assert "with a ReLU in between: False" in output


def test_overview_table_columns_match_the_modules():
    rows = {}
    for line in run_snippet(SNIPPETS / "activations/overview.py").splitlines()[1:24]:
        name, low, high, monotone, left, right = line.split()
        rows[name] = (float(low), float(high), monotone == "True", float(left), float(right))
    assert len(rows) == 23
    non_monotone = {name for name, row in rows.items() if not row[2]}
    assert non_monotone == {"GELU", "SiLU", "Mish", "Hardswish"}
    bounded_both = {name for name, row in rows.items() if abs(row[3]) < 0.01 and row[4] < 0.01}
    assert bounded_both == {"ReLU6", "Sigmoid", "Hardsigmoid", "Tanh", "Hardtanh"}
    assert rows["Hardswish"][0] == -0.375 and rows["Softsign"][1] < 1


# --- the pitfalls the pages show --------------------------------------------------------------


def test_softmax_before_cross_entropy_bounds_the_loss_and_kills_the_gradient():
    criterion = nn.CrossEntropyLoss()
    label = torch.tensor([0])
    confident = torch.tensor([[10.0, -10.0, -10.0]])
    floor = torch.log(torch.e + torch.tensor(2.0)) - 1  # log(e + C - 1) - 1 with C = 3
    torch.testing.assert_close(criterion(confident.softmax(1), label), floor, atol=1e-4, rtol=0)
    assert criterion(confident, label) < 1e-6
    wrong = torch.tensor([[-5.0, 5.0, 0.0]], requires_grad=True)
    (g_logits,) = torch.autograd.grad(criterion(wrong, label), wrong)
    (g_softmax,) = torch.autograd.grad(criterion(wrong.softmax(1), label), wrong)
    assert g_softmax.norm() < g_logits.norm() / 100
    output = run_snippet(SNIPPETS / "losses/softmax-cross-entropy-softmax-first.py")
    assert "softmax first: loss 0.5514" in output


def test_deep_sigmoid_stack_loses_its_gradient_but_tanh_and_relu_keep_it():
    ratios = {}
    for line in run_snippet(SNIPPETS / "activations/overview-saturation.py").splitlines():
        name = line.split()[0]
        first, last = (float(part.split()[-1]) for part in line.split(":")[1].split(","))
        ratios[name] = first / last
    assert ratios["Sigmoid"] < 1e-10
    assert ratios["Tanh"] > 0.1 and ratios["ReLU"] > 0.1


def test_likelihood_snippet_learns_the_frequencies_and_reaches_the_entropy():
    output = run_snippet(SNIPPETS / "losses/softmax-cross-entropy-likelihood.py")
    assert "tensor([0.5000, 0.3000, 0.2000])" in output
    assert "minimal mean loss: 1.0297" in output and "entropy of the labels: 1.0297" in output


def test_mse_on_softmax_barely_corrects_a_confident_mistake_where_cross_entropy_does():
    wrong = torch.tensor([[-5.0, 5.0, 0.0]], requires_grad=True)
    label, one_hot = torch.tensor([0]), torch.tensor([[1.0, 0.0, 0.0]])
    (g_ce,) = torch.autograd.grad(F.cross_entropy(wrong, label), wrong)
    (g_mse,) = torch.autograd.grad((wrong.softmax(1) - one_hot).pow(2).sum(), wrong)
    assert g_mse.norm() < g_ce.norm() / 50
    output = run_snippet(SNIPPETS / "losses/softmax-cross-entropy-gradient.py")
    assert "gradient norm of cross-entropy: 1.4094" in output
    assert "gradient norm of MSE on softmax: 0.0187" in output
