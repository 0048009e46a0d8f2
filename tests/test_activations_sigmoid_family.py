"""nnref sigmoid, tanh and shrinkage activations against torch, kinks and extremes included."""

from dataclasses import dataclass, field

import pytest
import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import nn

from nnref.activations import shrinkage, sigmoid, tanh


@dataclass(frozen=True)
class Member:
    """One activation: ours, torch's, our closed-form derivative, its arguments and kinks."""

    name: str
    ours: object
    theirs: object
    derivative: object
    kwargs: dict = field(default_factory=dict)
    kinks: tuple[float, ...] = ()


MEMBERS = [
    Member("sigmoid", sigmoid.sigmoid, torch.sigmoid, sigmoid.sigmoid_derivative),
    Member("logsigmoid", sigmoid.logsigmoid, F.logsigmoid, sigmoid.logsigmoid_derivative),
    Member(
        "hardsigmoid",
        sigmoid.hardsigmoid,
        F.hardsigmoid,
        sigmoid.hardsigmoid_derivative,
        kinks=(-3.0, 3.0),
    ),
    Member("tanh", tanh.tanh, torch.tanh, tanh.tanh_derivative),
    Member("hardtanh", tanh.hardtanh, F.hardtanh, tanh.hardtanh_derivative, kinks=(-1.0, 1.0)),
    Member(
        "hardtanh(-2, 0.5)",
        tanh.hardtanh,
        F.hardtanh,
        tanh.hardtanh_derivative,
        {"min_val": -2.0, "max_val": 0.5},
        (-2.0, 0.5),
    ),
    Member("softsign", tanh.softsign, F.softsign, tanh.softsign_derivative),
    Member("tanhshrink", tanh.tanhshrink, F.tanhshrink, tanh.tanhshrink_derivative),
    Member(
        "hardshrink",
        shrinkage.hardshrink,
        F.hardshrink,
        shrinkage.hardshrink_derivative,
        kinks=(-0.5, 0.5),
    ),
    Member(
        "hardshrink(0.25)",
        shrinkage.hardshrink,
        F.hardshrink,
        shrinkage.hardshrink_derivative,
        {"lambd": 0.25},
        (-0.25, 0.25),
    ),
    Member(
        "softshrink",
        shrinkage.softshrink,
        F.softshrink,
        shrinkage.softshrink_derivative,
        kinks=(-0.5, 0.5),
    ),
    Member(
        "softshrink(1.5)",
        shrinkage.softshrink,
        F.softshrink,
        shrinkage.softshrink_derivative,
        {"lambd": 1.5},
        (-1.5, 1.5),
    ),
]
IDS = [member.name for member in MEMBERS]


def _value_and_grad(function, x, upstream=None, **kwargs):
    x = x.detach().clone().requires_grad_()
    y = function(x, **kwargs)
    (grad,) = torch.autograd.grad(y, x, torch.ones_like(y) if upstream is None else upstream)
    return y.detach(), grad


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64], ids=str)
@pytest.mark.parametrize("shape", [(), (7,), (3, 4), (2, 3, 4, 5)], ids=str)
@pytest.mark.parametrize("member", MEMBERS, ids=IDS)
def test_values_and_gradients_equal_torch(member, shape, dtype):
    torch.manual_seed(0)
    x = torch.randn(shape, dtype=dtype) * 4
    upstream = torch.randn(shape, dtype=dtype)
    ours, g_ours = _value_and_grad(member.ours, x, upstream, **member.kwargs)
    theirs, g_theirs = _value_and_grad(member.theirs, x, upstream, **member.kwargs)
    assert ours.dtype == theirs.dtype and ours.shape == theirs.shape
    torch.testing.assert_close(ours, theirs)
    torch.testing.assert_close(g_ours, g_theirs)


@pytest.mark.parametrize("member", MEMBERS, ids=IDS)
def test_derivative_formula_equals_torch_gradient(member):
    torch.manual_seed(1)
    x = torch.randn(200, dtype=torch.float64) * 4
    _, g_theirs = _value_and_grad(member.theirs, x, **member.kwargs)
    # 1e-7: torch's float64 hardsigmoid backward multiplies by 1/6 rounded to float32.
    torch.testing.assert_close(
        member.derivative(x, **member.kwargs), g_theirs, rtol=1e-7, atol=1e-8
    )


@pytest.mark.parametrize("member", MEMBERS, ids=IDS)
def test_gradcheck_in_float64_away_from_the_kinks(member):
    torch.manual_seed(2)
    x = torch.randn(30, dtype=torch.float64) * 4
    for kink in member.kinks:
        near = (x - kink).abs() < 0.05
        x = torch.where(near, x + 0.1, x)
    x.requires_grad_()
    assert torch.autograd.gradcheck(lambda t: member.ours(t, **member.kwargs), (x,))


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64], ids=str)
@pytest.mark.parametrize("member", MEMBERS, ids=IDS)
def test_values_and_gradients_at_the_kinks_are_exactly_torchs(member, dtype):
    points = [0.0, -0.0, *member.kinks]
    points += [kink + delta for kink in member.kinks for delta in (-1e-6, 1e-6)]
    x = torch.tensor(points, dtype=dtype)
    ours, g_ours = _value_and_grad(member.ours, x, **member.kwargs)
    theirs, g_theirs = _value_and_grad(member.theirs, x, **member.kwargs)
    torch.testing.assert_close(ours, theirs, rtol=0, atol=0)
    # Exact at the kinks, where torch picks a subgradient; elsewhere hardsigmoid's float64
    # gradient differs in the 8th digit (torch multiplies by a float32 1/6).
    exact = slice(2, 2 + len(member.kinks))
    torch.testing.assert_close(g_ours[exact], g_theirs[exact], rtol=0, atol=0)
    torch.testing.assert_close(g_ours, g_theirs, rtol=1e-7, atol=0)
    derivative = member.derivative(x, **member.kwargs)
    torch.testing.assert_close(derivative[exact], g_theirs[exact], rtol=0, atol=0)
    if member.kinks:  # torch's subgradient at every kink of these functions is 0
        assert g_theirs[2 : 2 + len(member.kinks)].tolist() == [0.0] * len(member.kinks)


@pytest.mark.parametrize("member", MEMBERS, ids=IDS)
def test_large_inputs_give_no_overflow_in_float32(member):
    x = torch.tensor([-1e4, -104.0, -100.0, -89.0, 89.0, 100.0, 104.0, 1e4])
    ours, g_ours = _value_and_grad(member.ours, x, **member.kwargs)
    theirs, g_theirs = _value_and_grad(member.theirs, x, **member.kwargs)
    assert torch.isfinite(ours).all() and torch.isfinite(g_ours).all()
    torch.testing.assert_close(ours, theirs)
    torch.testing.assert_close(g_ours, g_theirs)
    torch.testing.assert_close(member.derivative(x, **member.kwargs), g_theirs)


def test_the_textbook_formulas_overflow_where_ours_do_not():
    x = torch.tensor([-100.0, -200.0], requires_grad=True)
    naive = 1 / (1 + torch.exp(-x))  # exp(100) = inf in float32
    (grad,) = torch.autograd.grad(naive.sum(), x)
    assert torch.isnan(grad).all()
    assert torch.isinf(torch.log(torch.sigmoid(x))).all()  # the LogSigmoid pitfall
    torch.testing.assert_close(sigmoid.logsigmoid(x), x.detach())
    small = torch.tensor(1e-8)
    assert (2 * torch.sigmoid(2 * small) - 1).item() == 0.0  # the identity cancels
    torch.testing.assert_close(tanh.tanh(small), torch.tanh(small), rtol=1e-6, atol=0)


def test_float32_limits_stated_on_the_pages():
    assert torch.sigmoid(torch.tensor(16.64)).item() == 1.0
    assert torch.sigmoid(torch.tensor(16.6)).item() < 1.0
    assert torch.sigmoid(torch.tensor(-88.73)).item() == 0.0
    assert torch.sigmoid(torch.tensor(-88.72)).item() > 0.0
    assert torch.tanh(torch.tensor([-9.02, 9.02])).abs().tolist() == [1.0, 1.0]
    assert torch.tanh(torch.tensor(9.0)).item() < 1.0
    assert torch.isinf(torch.log(torch.sigmoid(torch.tensor(-88.73))))


def test_identities_of_the_page():
    x = torch.linspace(-10, 10, 401, dtype=torch.float64)
    torch.testing.assert_close(tanh.tanh(x), 2 * sigmoid.sigmoid(2 * x) - 1)
    torch.testing.assert_close(sigmoid.sigmoid(-x), 1 - sigmoid.sigmoid(x))
    torch.testing.assert_close(sigmoid.logsigmoid(x), -F.softplus(-x))
    torch.testing.assert_close(sigmoid.hardsigmoid(x), F.relu6(x + 3) / 6)
    torch.testing.assert_close(tanh.hardtanh(x, 0.0, 6.0), F.relu6(x))
    lambd = 0.5
    softshrunk = shrinkage.softshrink(x, lambd)
    torch.testing.assert_close(softshrunk, x - tanh.hardtanh(x, -lambd, lambd))
    torch.testing.assert_close(softshrunk, F.relu(x - lambd) - F.relu(-x - lambd))
    assert sigmoid.sigmoid_derivative(x).max().item() == 0.25  # at x = 0 only
    gap = (F.hardsigmoid(x) - torch.sigmoid(x)).abs().max().item()
    assert 0.06 < gap < 0.07


def test_hardsigmoid_float64_backward_uses_a_float32_sixth():
    """The page says so: torch's float64 gradient is 1/6 rounded to float32, not 1/6."""
    _, grad = _value_and_grad(F.hardsigmoid, torch.tensor([0.5], dtype=torch.float64))
    assert grad.item() == torch.tensor(1 / 6, dtype=torch.float32).item() != 1 / 6
    assert sigmoid.hardsigmoid_derivative(torch.tensor([0.5], dtype=torch.float64)).item() == 1 / 6


@pytest.mark.parametrize("depth", [1, 2, 5, 10])
def test_gradient_through_stacked_sigmoids_is_at_most_a_quarter_per_layer(depth):
    torch.manual_seed(depth)
    x = (torch.randn(100, dtype=torch.float64) * 3).requires_grad_()
    h = x
    for _ in range(depth):
        h = torch.sigmoid(h)
    (grad,) = torch.autograd.grad(h.sum(), x)
    assert (grad <= 0.25**depth).all()


def test_sigmoid_saturates_beyond_ten():
    _, grad = _value_and_grad(torch.sigmoid, torch.tensor([-10.0, 10.0, 20.0]))
    assert (grad < 5e-5).all()


def test_sigmoid_output_makes_each_weight_row_gradient_one_signed():
    torch.manual_seed(0)
    h = torch.sigmoid(torch.randn(1, 6))
    layer = nn.Linear(6, 3)
    layer(h).sum().backward()
    signs = layer.weight.grad.sign()
    assert (signs == signs[:, :1]).all()


def test_sigmoid_then_bce_loses_the_gradient_that_bce_with_logits_keeps():
    logit, target = torch.tensor([20.0], requires_grad=True), torch.tensor([0.0])
    wrong = nn.BCELoss()(torch.sigmoid(logit), target)
    (g_wrong,) = torch.autograd.grad(wrong, logit)
    right = nn.BCEWithLogitsLoss()(logit, target)
    (g_right,) = torch.autograd.grad(right, logit)
    assert wrong.item() == 100.0 and g_wrong.item() == 0.0
    torch.testing.assert_close(right, torch.tensor(20.0))
    torch.testing.assert_close(g_right, torch.tensor([1.0]))


def test_hardtanh_and_clamp_differ_only_in_the_gradient_at_the_ends():
    x = torch.tensor([-1.0, 0.0, 1.0])
    _, g_hardtanh = _value_and_grad(F.hardtanh, x)
    _, g_clamp = _value_and_grad(lambda t: t.clamp(-1, 1), x)
    _, g_ours = _value_and_grad(tanh.hardtanh, x)
    assert g_hardtanh.tolist() == g_ours.tolist() == [0.0, 1.0, 0.0]
    assert g_clamp.tolist() == [1.0, 1.0, 1.0]


def test_softshrink_is_the_proximal_operator_of_the_l1_norm():
    lambd = 0.5
    v = torch.linspace(-2, 2, 41, dtype=torch.float64)
    z = torch.arange(-30_000, 30_001, dtype=torch.float64) * 1e-4
    objective = (z[None, :] - v[:, None]) ** 2 / 2 + lambd * z.abs()[None, :]
    best = z[objective.argmin(dim=1)]
    torch.testing.assert_close(shrinkage.softshrink(v, lambd), best, rtol=0, atol=1e-4)


def test_hardshrink_is_the_proximal_operator_of_the_l0_penalty():
    lambd = 0.5
    v = torch.tensor([-2.0, -0.6, -0.4, 0.1, 0.45, 0.7, 1.3], dtype=torch.float64)
    candidates = torch.stack([torch.zeros_like(v), v])  # the minimiser is 0 or v itself
    objective = (candidates - v) ** 2 / 2 + lambd**2 / 2 * (candidates != 0)
    best = candidates.gather(0, objective.argmin(dim=0, keepdim=True))[0]
    torch.testing.assert_close(shrinkage.hardshrink(v, lambd), best, rtol=0, atol=0)


def test_default_lambd_zeroes_small_inputs_and_their_gradients():
    torch.manual_seed(0)
    x = torch.randn(10_000) * 0.1
    _, grad = _value_and_grad(shrinkage.softshrink, x)
    assert (grad == 0).float().mean() > 0.99


def test_negative_lambd_like_torch():
    x = torch.tensor([-0.2, 0.0, 0.3])
    assert torch.equal(shrinkage.hardshrink(x, -1.0), F.hardshrink(x, -1.0))
    assert torch.equal(shrinkage.hardshrink(x, -1.0), x)
    nn.Softshrink(-1.0)  # torch's constructor accepts it...
    with pytest.raises(RuntimeError, match="lambda must be in range"):
        F.softshrink(x, -1.0)  # ...the call does not
    with pytest.raises(ValueError, match="lambd"):
        shrinkage.softshrink(x, -1.0)
    with pytest.raises(ValueError, match="lambd"):
        shrinkage.softshrink_derivative(x, -1.0)


@settings(max_examples=40)
@given(
    shape=st.lists(st.integers(0, 4), min_size=0, max_size=4),
    member=st.sampled_from(MEMBERS),
    scale=st.floats(0.1, 20.0),
)
def test_shapes_and_values_over_random_tensors(shape, member, scale):
    x = torch.randn(shape, dtype=torch.float64) * scale
    ours = member.ours(x, **member.kwargs)
    assert ours.shape == x.shape
    torch.testing.assert_close(ours, member.theirs(x, **member.kwargs))
    assert member.derivative(x, **member.kwargs).shape == x.shape


@settings(max_examples=40)
@given(
    low=st.floats(-5, 5),
    width=st.floats(0, 5),
    lambd=st.floats(0, 3),
    seed=st.integers(0, 2**16),
)
def test_random_arguments_equal_torch(low, width, lambd, seed):
    generator = torch.Generator().manual_seed(seed)
    x = torch.randn(50, generator=generator, dtype=torch.float64) * 4
    x[:2] = torch.tensor([lambd, -lambd], dtype=torch.float64)  # the kinks themselves
    x[2:4] = torch.tensor([low, low + width], dtype=torch.float64)
    high = low + width
    pairs = [
        (
            _value_and_grad(tanh.hardtanh, x, min_val=low, max_val=high),
            _value_and_grad(F.hardtanh, x, min_val=low, max_val=high),
        ),
        (
            _value_and_grad(shrinkage.hardshrink, x, lambd=lambd),
            _value_and_grad(F.hardshrink, x, lambd=lambd),
        ),
        (
            _value_and_grad(shrinkage.softshrink, x, lambd=lambd),
            _value_and_grad(F.softshrink, x, lambd=lambd),
        ),
    ]
    for (ours, g_ours), (theirs, g_theirs) in pairs:
        torch.testing.assert_close(ours, theirs, rtol=0, atol=0)
        torch.testing.assert_close(g_ours, g_theirs, rtol=0, atol=0)


@pytest.mark.parametrize(
    ("ours", "theirs"),
    [
        (sigmoid.sigmoid, torch.sigmoid),
        (tanh.tanh, torch.tanh),
        (tanh.softsign, F.softsign),
        (tanh.tanhshrink, F.tanhshrink),
    ],
    ids=["sigmoid", "tanh", "softsign", "tanhshrink"],
)
def test_integer_inputs_are_promoted_like_torch(ours, theirs):
    x = torch.tensor([-3, 0, 2])
    result = ours(x)
    assert result.dtype == theirs(x).dtype == torch.get_default_dtype()
    torch.testing.assert_close(result, theirs(x))


def test_hardtanh_keeps_integer_dtype_and_truncates_the_bounds_like_torch():
    x = torch.tensor([-7, -2, 0, 2, 5])
    ours = tanh.hardtanh(x, -2.5, 2.5)
    assert ours.dtype == torch.int64
    assert torch.equal(ours, F.hardtanh(x, -2.5, 2.5))


@pytest.mark.parametrize("member", MEMBERS, ids=IDS)
def test_non_tensor_input_raises_type_error(member):
    with pytest.raises(TypeError, match=r"input must be a torch\.Tensor"):
        member.ours([0.0, 1.0], **member.kwargs)
    with pytest.raises(TypeError, match="input"):
        member.ours(torch.tensor([1 + 1j]), **member.kwargs)


@pytest.mark.parametrize(
    "function",
    [
        sigmoid.logsigmoid,
        sigmoid.hardsigmoid,
        sigmoid.hardsigmoid_derivative,
        shrinkage.hardshrink,
        shrinkage.softshrink,
    ],
)
def test_integer_input_raises_where_torch_has_no_integer_kernel(function):
    with pytest.raises(TypeError, match="floating-point"):
        function(torch.tensor([1, 2]))


def test_bad_arguments_raise_errors_naming_them():
    x = torch.tensor([0.0, 1.0])
    with pytest.raises(ValueError, match="min_val cannot be greater than max_val"):
        tanh.hardtanh(x, 1.0, -1.0)
    with pytest.raises(ValueError, match="min_val"):
        tanh.hardtanh_derivative(x, 1.0, -1.0)
    with pytest.raises(TypeError, match="max_val"):
        tanh.hardtanh(x, -1.0, "1")
    with pytest.raises(TypeError, match="min_val"):
        tanh.hardtanh(x, True, 1.0)
    for function in (shrinkage.hardshrink, shrinkage.softshrink, shrinkage.hardshrink_derivative):
        with pytest.raises(TypeError, match="lambd"):
            function(x, "0.5")
        with pytest.raises(TypeError, match="lambd"):
            function(x, None)
    with pytest.raises(TypeError, match="input"):
        tanh.hardtanh(torch.tensor([True]))
    with pytest.raises(TypeError, match="input"):
        tanh.softsign(torch.tensor([True]))
    assert tanh.hardtanh(x, 0.5, 0.5).tolist() == [0.5, 0.5]  # equal bounds are allowed
