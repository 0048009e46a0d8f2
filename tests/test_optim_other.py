"""nnref's L-BFGS and Muon against torch.optim.LBFGS and torch.optim.Muon, step by step.

The main comparisons run the public optimizers (``torch.optim.LBFGS``, ``torch.optim.Muon``)
in lockstep with nnref's. A few extra checks also compare nnref's helpers with torch's private
functions (``_cubic_interpolate``, ``_strong_wolfe``, ``_zeropower_via_newtonschulz``); they
import them inside the test, so a renamed private function fails only that extra check.
"""

import math

import pytest
import torch
from hypothesis import assume, given
from hypothesis import strategies as st

from nnref.optim import lockstep
from nnref.optim.lbfgs import LBFGS, cubic_minimizer, strong_wolfe
from nnref.optim.muon import Muon, adjusted_lr, newton_schulz

STEPS = 25


def _ids(options: dict) -> str:
    return ",".join(f"{k}={v}" for k, v in options.items()) or "defaults"


def _pair(shapes, seed=0):
    """The same float64 starting tensors twice: for nnref and for torch."""
    generator = torch.Generator().manual_seed(seed)
    start = [torch.randn(shape, generator=generator, dtype=torch.float64) for shape in shapes]
    return (
        [t.clone().requires_grad_() for t in start],
        [t.clone().requires_grad_() for t in start],
    )


# ---------------------------------------------------------------- L-BFGS

LBFGS_OPTIONS = [
    {},
    {"lr": 0.5},
    {"max_iter": 3},
    {"max_iter": 1},
    {"max_eval": 7},
    {"history_size": 2},
    {"tolerance_grad": 1e-2},
    {"tolerance_change": 1e-3},
    {"line_search_fn": "strong_wolfe"},
    {"line_search_fn": "strong_wolfe", "lr": 0.3, "history_size": 3},
    {"line_search_fn": "strong_wolfe", "max_iter": 5, "max_eval": 6},
]
LBFGS_TENSORS = ("d", "prev_flat_grad")
LBFGS_NUMBERS = ("t", "H_diag", "prev_loss", "n_iter", "func_evals")
LBFGS_LISTS = ("old_dirs", "old_stps", "ro")


def _assert_same_lbfgs_state(ours: LBFGS, theirs: torch.optim.LBFGS, where: str) -> None:
    mine = ours.state[0]
    reference = theirs.state[theirs.param_groups[0]["params"][0]]
    for key in LBFGS_NUMBERS:
        assert float(mine[key]) == pytest.approx(float(reference[key]), rel=1e-12), (
            f"{where}: {key}"
        )
    for key in LBFGS_TENSORS:
        torch.testing.assert_close(mine[key], reference[key], msg=f"{where}: {key}")
    for key in LBFGS_LISTS:
        assert len(mine[key]) == len(reference[key]), f"{where}: len({key})"
        for index, (a, b) in enumerate(zip(mine[key], reference[key], strict=True)):
            torch.testing.assert_close(
                torch.as_tensor(a, dtype=torch.float64), b, msg=f"{where}: {key}[{index}]"
            )


def _run_lbfgs_lockstep(options, shapes=((3, 2), (4,)), loss=None, steps=STEPS, seed=0):
    ours, theirs = _pair(shapes, seed)
    optimizer_ours, optimizer_theirs = LBFGS(ours, **options), torch.optim.LBFGS(theirs, **options)
    extra = {} if loss is None else {"loss": loss}
    for step in lockstep(optimizer_ours, optimizer_theirs, steps=steps, **extra):
        for index, (a, b) in enumerate(zip(ours, theirs, strict=True)):
            torch.testing.assert_close(a, b, msg=f"step {step}, param {index}")
        _assert_same_lbfgs_state(optimizer_ours, optimizer_theirs, f"step {step}")
    return optimizer_ours


@pytest.mark.parametrize("options", LBFGS_OPTIONS, ids=_ids)
def test_lbfgs_matches_torch_after_every_step(options):
    _run_lbfgs_lockstep(options)


def _rosenbrock(params, step):
    """A deterministic loss (the same at every step): Rosenbrock on the first two entries."""
    w = params[0].reshape(-1)
    return (1 - w[0]) ** 2 + 100 * (w[1] - w[0] ** 2) ** 2


@pytest.mark.parametrize(
    "options",
    [{}, {"max_iter": 1}, {"line_search_fn": "strong_wolfe"}, {"history_size": 4, "lr": 0.2}],
    ids=_ids,
)
def test_lbfgs_matches_torch_on_rosenbrock_counters_included(options):
    ours, theirs = _pair([(2,)])
    for t in (*ours, *theirs):
        with torch.no_grad():
            t.copy_(torch.tensor([-1.5, 2.0], dtype=torch.float64))
    optimizer_ours = LBFGS(ours, **options)
    optimizer_theirs = torch.optim.LBFGS(theirs, **options)
    for step in lockstep(optimizer_ours, optimizer_theirs, steps=15, loss=_rosenbrock):
        torch.testing.assert_close(ours[0], theirs[0], msg=f"step {step}")
        _assert_same_lbfgs_state(optimizer_ours, optimizer_theirs, f"step {step}")


def test_lbfgs_with_line_search_solves_rosenbrock():
    w = torch.tensor([-1.5, 2.0], dtype=torch.float64, requires_grad=True)
    optimizer = LBFGS([w], line_search_fn="strong_wolfe")

    def closure():
        optimizer.zero_grad()
        loss = _rosenbrock([w], 0)
        loss.backward()
        return loss

    for _ in range(5):
        optimizer.step(closure)
    torch.testing.assert_close(w.detach(), torch.ones(2, dtype=torch.float64), atol=1e-5, rtol=0)


def test_lbfgs_one_step_solves_least_squares():
    generator = torch.Generator().manual_seed(1)
    x = torch.randn(50, 4, generator=generator, dtype=torch.float64)
    y = torch.randn(50, generator=generator, dtype=torch.float64)
    w = torch.zeros(4, dtype=torch.float64, requires_grad=True)
    optimizer = LBFGS([w])

    def closure():
        optimizer.zero_grad()
        loss = ((x @ w - y) ** 2).mean()
        loss.backward()
        return loss

    first = optimizer.step(closure)
    assert first.item() == pytest.approx((y**2).mean().item())  # step returns f(x0)
    expected = torch.linalg.lstsq(x, y.unsqueeze(1)).solution.squeeze(1)
    torch.testing.assert_close(w.detach(), expected, atol=1e-5, rtol=0)
    assert optimizer.state[0]["n_iter"] < 20  # stopped early by a tolerance


def test_lbfgs_first_iteration_is_a_scaled_gradient_step():
    start = torch.tensor([3.0, -1.0], dtype=torch.float64)
    w = start.clone().requires_grad_()
    optimizer = LBFGS([w], max_iter=1, lr=0.5)

    def closure():
        optimizer.zero_grad()
        loss = (w**2).sum()
        loss.backward()
        return loss

    optimizer.step(closure)
    grad = 2 * start
    expected = start - min(1.0, 1.0 / grad.abs().sum().item()) * 0.5 * grad
    torch.testing.assert_close(w.detach(), expected)
    assert optimizer.state[0]["t"] == pytest.approx(0.5 / 8)


def test_lbfgs_rejects_pairs_without_positive_curvature():
    """On a linear loss y = g_new - g_old = 0, so no pair (s, y) is ever stored."""
    ours, theirs = _pair([(3,)])
    slope = torch.tensor([1.0, -2.0, 0.5], dtype=torch.float64)

    def linear(params, step):
        return (slope * params[0]).sum()

    optimizer_ours = LBFGS(ours, max_iter=4)
    optimizer_theirs = torch.optim.LBFGS(theirs, max_iter=4)
    for _ in lockstep(optimizer_ours, optimizer_theirs, steps=3, loss=linear):
        torch.testing.assert_close(ours[0], theirs[0])
    assert optimizer_ours.state[0]["old_dirs"] == []
    assert optimizer_theirs.state[theirs[0]]["old_dirs"] == []
    assert optimizer_ours.state[0]["H_diag"] == 1


def test_lbfgs_keeps_at_most_history_size_pairs():
    optimizer = _run_lbfgs_lockstep({"history_size": 3}, steps=4)
    assert len(optimizer.state[0]["old_dirs"]) == 3


def test_lbfgs_stops_at_once_when_the_gradient_is_below_tolerance():
    w = torch.zeros(3, dtype=torch.float64, requires_grad=True)
    optimizer = LBFGS([w])

    def closure():
        optimizer.zero_grad()
        loss = (w**2).sum()
        loss.backward()
        return loss

    optimizer.step(closure)
    assert optimizer.state[0] == {"func_evals": 1, "n_iter": 0}


def test_lbfgs_treats_a_missing_gradient_as_zero_like_torch():
    ours, theirs = _pair([(3,), (2,)])

    def first_only(params, step):
        return ((params[0] - 1) ** 2).sum()

    optimizer_ours, optimizer_theirs = LBFGS(ours), torch.optim.LBFGS(theirs)
    for _ in lockstep(optimizer_ours, optimizer_theirs, steps=2, loss=first_only):
        for a, b in zip(ours, theirs, strict=True):
            torch.testing.assert_close(a, b)
    assert ours[1].grad is None
    torch.testing.assert_close(ours[1], theirs[1])


def test_lbfgs_defaults_are_torchs():
    param = torch.zeros(2, requires_grad=True)
    defaults = torch.optim.LBFGS([param]).defaults
    ours = LBFGS([param])
    for key, value in defaults.items():
        assert getattr(ours, key) == value, key
    assert ours.max_eval == 25


def test_lbfgs_step_requires_a_closure_like_torch():
    param = torch.zeros(2, requires_grad=True)
    for optimizer in (LBFGS([param]), torch.optim.LBFGS([param])):
        with pytest.raises(TypeError, match="closure"):
            optimizer.step()


def test_lbfgs_rejects_invalid_arguments():
    param = torch.zeros(2, requires_grad=True)
    for make in (LBFGS, torch.optim.LBFGS):
        with pytest.raises(ValueError, match="Invalid learning rate"):
            make([param], lr=-1.0)
    # torch accepts these at construction and fails (or does nothing) later; nnref refuses.
    for kwargs, match in [
        ({"history_size": 0}, "history_size"),
        ({"max_iter": 0}, "max_iter"),
        ({"max_eval": 0}, "max_eval"),
        ({"tolerance_grad": -1.0}, "tolerance_grad"),
        ({"line_search_fn": "armijo"}, "line_search_fn"),
    ]:
        with pytest.raises(ValueError, match=match):
            LBFGS([param], **kwargs)
    with pytest.raises(TypeError, match="history_size"):
        LBFGS([param], history_size=2.5)
    theirs = torch.optim.LBFGS([param], line_search_fn="armijo")

    def closure():
        theirs.zero_grad()
        loss = ((param - 1) ** 2).sum()
        loss.backward()
        return loss

    with pytest.raises(RuntimeError, match="strong_wolfe"):
        theirs.step(closure)


@given(
    st.lists(st.floats(-3, 3, allow_nan=False), min_size=6, max_size=6),
    st.booleans(),
)
def test_cubic_minimizer_equals_torchs_interpolation(values, bounded):
    """Extra check against torch's private helper (the public LBFGS is compared above)."""
    from torch.optim.lbfgs import _cubic_interpolate

    x1, f1, g1, x2, f2, g2 = values
    if abs(x1 - x2) < 1e-3:
        x2 = x1 + 1.0
    bounds = (min(x1, x2) - 1, max(x1, x2) + 1) if bounded else None
    f64 = torch.float64
    theirs = _cubic_interpolate(
        x1, f1, torch.tensor(g1, dtype=f64), x2, f2, torch.tensor(g2, dtype=f64), bounds
    )
    assume(not math.isnan(float(theirs)))  # a degenerate cubic (0 / 0): torch returns nan
    ours = cubic_minimizer(x1, f1, g1, x2, f2, g2, bounds)
    assert ours == pytest.approx(float(theirs), rel=1e-12, abs=1e-12)


@pytest.mark.parametrize("t0", [1e-3, 0.05, 1.0, 30.0])
def test_strong_wolfe_equals_torchs_line_search(t0):
    """A 1-D non-convex function along d: same step, loss, gradient and evaluation count.

    Extra check against torch's private helper (the public LBFGS is compared above)."""
    from torch.optim.lbfgs import _strong_wolfe

    x0 = torch.tensor([0.3, -1.2], dtype=torch.float64)
    direction = torch.tensor([1.0, 2.0], dtype=torch.float64)

    def loss_and_grad(x):
        x = x.detach().requires_grad_()
        value = (x**4).sum() - 3 * (x**2).sum() + torch.sin(3 * x).sum()
        (grad,) = torch.autograd.grad(value, x)
        return value.item(), grad

    f0, g0 = loss_and_grad(x0)
    slope = float(g0.dot(direction))
    assert slope < 0
    ours = strong_wolfe(lambda t: loss_and_grad(x0 + t * direction), direction, t0, f0, g0, slope)
    theirs = _strong_wolfe(
        lambda x, t, d: loss_and_grad(x + t * d), x0, t0, direction, f0, g0, g0.dot(direction)
    )
    assert ours[0] == pytest.approx(theirs[0], rel=1e-12)
    torch.testing.assert_close(ours[1], theirs[1])
    assert ours[2] == pytest.approx(float(theirs[2]), rel=1e-12)
    assert ours[3] == theirs[3]
    # The accepted step meets the sufficient-decrease (Armijo) condition.
    assert ours[0] <= f0 + 1e-4 * ours[2] * slope


# ---------------------------------------------------------------- Muon

MUON_OPTIONS = [
    {},
    {"lr": 0.02},
    {"lr": 0.02, "nesterov": False},
    {"lr": 0.02, "momentum": 0.0},
    {"lr": 0.02, "momentum": 0.5},
    {"lr": 0.02, "weight_decay": 0.0},
    {"lr": 0.02, "weight_decay": 0.5},
    {"lr": 0.02, "adjust_lr_fn": "original"},
    {"lr": 0.02, "adjust_lr_fn": "match_rms_adamw"},
    {"lr": 0.02, "ns_steps": 2},
    {"lr": 0.02, "ns_steps": 0},
    {"lr": 0.02, "ns_coefficients": (2.0, -1.5, 0.5)},
    {"lr": 0.02, "eps": 30.0},
    {"lr": 0.05, "nesterov": False, "momentum": 0.9, "adjust_lr_fn": "match_rms_adamw"},
]


@pytest.mark.parametrize("options", MUON_OPTIONS, ids=_ids)
def test_muon_matches_torch_after_every_step(options):
    ours, theirs = _pair([(3, 2), (2, 5)])
    optimizer_ours, optimizer_theirs = Muon(ours, **options), torch.optim.Muon(theirs, **options)
    for step in lockstep(optimizer_ours, optimizer_theirs, steps=STEPS):
        for index, (a, b) in enumerate(zip(ours, theirs, strict=True)):
            torch.testing.assert_close(a, b, msg=f"step {step}, param {index}")
            torch.testing.assert_close(
                optimizer_ours.state[index]["momentum_buffer"],
                optimizer_theirs.state[b]["momentum_buffer"],
                msg=f"step {step}, momentum_buffer {index}",
            )


@pytest.mark.parametrize("shape", [(1, 2), (2, 1), (3, 2), (4, 4), (5, 9), (17, 6)])
def test_newton_schulz_equals_torchs(shape):
    """Extra check against torch's private helper (the public Muon is compared above)."""
    from torch.optim._muon import _zeropower_via_newtonschulz

    generator = torch.Generator().manual_seed(sum(shape))
    matrix = torch.randn(shape, generator=generator, dtype=torch.float64)
    for steps in (0, 1, 5):
        expected = _zeropower_via_newtonschulz(matrix, (3.4445, -4.775, 2.0315), steps, 1e-7)
        ours = newton_schulz(matrix, steps=steps)
        assert ours.dtype == torch.bfloat16 and ours.shape == matrix.shape
        assert torch.equal(ours, expected), f"{shape}, {steps} steps"


@given(st.integers(1, 12), st.integers(1, 12), st.integers(0, 10_000))
def test_newton_schulz_pushes_singular_values_towards_one(rows, cols, seed):
    generator = torch.Generator().manual_seed(seed)
    u, _ = torch.linalg.qr(torch.randn(rows, rows, generator=generator, dtype=torch.float64))
    v, _ = torch.linalg.qr(torch.randn(cols, cols, generator=generator, dtype=torch.float64))
    k = min(rows, cols)
    spectrum = torch.logspace(0, -1.5, k, dtype=torch.float64)  # a 30-fold spread
    matrix = u[:, :k] @ torch.diag(spectrum) @ v[:, :k].T
    result = newton_schulz(matrix)
    assert result.shape == matrix.shape
    singular = torch.linalg.svdvals(result.double())
    assert singular.min() > 0.6 and singular.max() < 1.25, singular


def test_newton_schulz_of_a_row_is_its_direction():
    row = torch.tensor([[3.0, 4.0]])
    result = newton_schulz(row).float()
    cosine = (result * row).sum() / (result.norm() * row.norm())
    assert cosine.item() == pytest.approx(1.0, abs=1e-3)
    assert 0.6 < result.norm().item() < 0.75


def test_muon_step_ignores_the_scale_of_the_gradient():
    updates = []
    for scale in (1.0, 2.0**10):
        (weight,), _ = _pair([(3, 4)])
        start = weight.detach().clone()
        optimizer = Muon([weight], lr=0.1)
        (scale * ((weight - 1) ** 2).sum()).backward()
        optimizer.step()
        updates.append(weight.detach() - start)
    assert torch.equal(updates[0], updates[1])


def test_adjusted_lr_for_both_rules():
    assert adjusted_lr(0.1, None, torch.Size([3, 2])) == pytest.approx(0.1 * math.sqrt(1.5))
    assert adjusted_lr(0.1, "original", torch.Size([2, 5])) == pytest.approx(0.1)
    expected = 0.1 * 0.2 * math.sqrt(5)
    assert adjusted_lr(0.1, "match_rms_adamw", torch.Size([2, 5])) == pytest.approx(expected)


def test_muon_first_buffer_is_one_minus_momentum_times_the_gradient():
    (weight,), _ = _pair([(3, 4)])
    optimizer = Muon([weight])
    ((weight - 1) ** 2).sum().backward()
    optimizer.step()
    torch.testing.assert_close(optimizer.state[0]["momentum_buffer"], 0.05 * weight.grad)


def test_muon_defaults_are_torchs():
    param = torch.zeros(2, 3, requires_grad=True)
    defaults = torch.optim.Muon([param]).defaults
    ours = Muon([param])
    for key, value in defaults.items():
        assert getattr(ours, key) == pytest.approx(value), key


def test_muon_skips_parameters_without_gradient():
    a, b = torch.ones(2, 3, requires_grad=True), torch.ones(3, 2, requires_grad=True)
    optimizer = Muon([a, b], lr=0.1)
    (a * 2).sum().backward()
    optimizer.step()
    assert not torch.equal(a, torch.ones(2, 3)) and torch.equal(b, torch.ones(3, 2))
    assert optimizer.state[1] == {}


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"lr": -0.1}, "Learning rate should be >= 0"),
        ({"momentum": -0.5}, "momentum should be >= 0"),
        ({"weight_decay": -1.0}, "weight decay should be >= 0"),
        ({"adjust_lr_fn": "sqrt"}, "Adjust learning rate function sqrt is not supported"),
    ],
)
def test_muon_rejects_invalid_arguments_like_torch(kwargs, match):
    param = torch.zeros(2, 3, requires_grad=True)
    for make in (Muon, torch.optim.Muon):
        with pytest.raises(ValueError, match=match):
            make([param], **kwargs)


@pytest.mark.parametrize("shape", [(4,), (2, 3, 4)])
def test_muon_rejects_parameters_that_are_not_matrices(shape):
    param = torch.zeros(shape, requires_grad=True)
    for make in (Muon, torch.optim.Muon):
        with pytest.raises(ValueError, match="Muon only supports 2D parameters"):
            make([param])


@pytest.mark.parametrize(
    ("kwargs", "ours", "theirs"),
    [
        ({"ns_steps": 100}, "ns_steps", "Number of steps must be less than 100"),
        ({"ns_coefficients": (1.0, 2.0)}, "ns_coefficients", "exactly 3 values"),
    ],
)
def test_muon_checks_newton_schulz_options_early(kwargs, ours, theirs):
    """nnref refuses at construction what torch refuses at the first step."""
    param = torch.zeros(2, 3, requires_grad=True)
    with pytest.raises(ValueError, match=ours):
        Muon([param], **kwargs)
    optimizer = torch.optim.Muon([param], **kwargs)
    param.grad = torch.ones(2, 3)
    with pytest.raises(ValueError, match=theirs):
        optimizer.step()


def test_lbfgs_hand_example_on_a_parabola():
    """f(w) = w^2 from w = 3: a gradient step to 2, then the secant (Newton) step to 0."""
    for make in (LBFGS, torch.optim.LBFGS):
        w = torch.tensor([3.0], dtype=torch.float64, requires_grad=True)
        optimizer = make([w], max_iter=3)

        def closure(optimizer=optimizer, w=w):
            optimizer.zero_grad()
            loss = (w**2).sum()
            loss.backward()
            return loss

        optimizer.step(closure)
        state = optimizer.state[0 if make is LBFGS else w]
        assert w.item() == 0.0 and state["n_iter"] == 2 and state["func_evals"] == 3, make
        assert state["old_stps"][0].item() == -1.0 and state["old_dirs"][0].item() == -2.0
        assert state["H_diag"].item() == 0.5 and state["d"].item() == -2.0
        assert float(state["t"]) == 1.0
