"""Gradient descent, minibatches, momentum and ASGD written out, against torch step by step."""

import itertools
import math

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from torch.utils.data import DataLoader, TensorDataset

from nnref.optim import lockstep
from nnref.optim.asgd import ASGD
from nnref.optim.gradient_descent import (
    condition_number,
    contraction_factors,
    gradient_descent,
    max_stable_lr,
    optimal_lr,
)
from nnref.optim.minibatches import (
    iterations_per_epoch,
    minibatch_gradient_variance,
    shuffled_batches,
)
from nnref.optim.momentum import (
    VelocitySGD,
    effective_lr,
    heavy_ball,
    momentum_rate,
    nesterov_lookahead,
    optimal_heavy_ball,
)

CURVATURES = torch.tensor([0.2, 4.0], dtype=torch.float64)  # the bowl 0.1 w1^2 + 2 w2^2
START = torch.tensor([-4.0, 2.0], dtype=torch.float64)


def bowl_grad(w: torch.Tensor) -> torch.Tensor:
    return CURVATURES * w


def torch_sgd_path(steps: int, start: torch.Tensor = START, **options) -> torch.Tensor:
    """The points torch.optim.SGD visits on the bowl."""
    w = start.clone().requires_grad_()
    optimizer = torch.optim.SGD([w], **options)
    points = [w.detach().clone()]
    for _ in range(steps):
        optimizer.zero_grad()
        (0.5 * (CURVATURES * w**2).sum()).backward()
        optimizer.step()
        points.append(w.detach().clone())
    return torch.stack(points)


def two_shapes() -> tuple[list[torch.Tensor], list[torch.Tensor]]:
    torch.manual_seed(0)
    start = [torch.randn(3, 2, dtype=torch.float64), torch.randn(4, dtype=torch.float64)]
    return [t.clone().requires_grad_() for t in start], [t.clone().requires_grad_() for t in start]


# --- gradient descent -------------------------------------------------------------------------


@pytest.mark.parametrize("lr", [0.05, 0.3, 0.49])
def test_gradient_descent_is_torch_sgd_with_the_full_batch(lr):
    ours = gradient_descent(bowl_grad, START, lr, steps=40)
    torch.testing.assert_close(ours, torch_sgd_path(40, lr=lr))


def test_gradient_descent_on_least_squares_equals_torch_sgd():
    generator = torch.Generator().manual_seed(0)
    x = torch.randn(32, 3, generator=generator, dtype=torch.float64)
    y = torch.randn(32, generator=generator, dtype=torch.float64)
    ours = gradient_descent(
        lambda w: 2 * x.T @ (x @ w - y) / len(x), torch.zeros(3, dtype=x.dtype), 0.1, 30
    )
    w = torch.zeros(3, dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=0.1)
    for step in range(30):
        optimizer.zero_grad()
        torch.nn.functional.mse_loss(x @ w, y).backward()
        optimizer.step()
        torch.testing.assert_close(ours[step + 1], w.detach(), msg=f"step {step}")


@pytest.mark.parametrize("lr", [0.1, 0.3, 0.45, 0.55])
def test_error_along_each_eigenvector_shrinks_by_the_contraction_factor(lr):
    points = gradient_descent(bowl_grad, START, lr, steps=10)
    expected = START * (1 - lr * CURVATURES) ** 10
    torch.testing.assert_close(points[-1], expected)
    assert torch.allclose(points[-1].abs(), START.abs() * contraction_factors(CURVATURES, lr) ** 10)


def test_the_stability_limit_and_the_best_rate():
    assert max_stable_lr(CURVATURES) == 0.5
    assert condition_number(CURVATURES) == 20
    best = optimal_lr(CURVATURES)
    assert best == pytest.approx(2 / 4.2)
    factors = contraction_factors(CURVATURES, best)
    kappa = condition_number(CURVATURES)
    torch.testing.assert_close(factors, torch.full((2,), (kappa - 1) / (kappa + 1)).double())
    # the best rate beats nearby rates in the worst direction
    for lr in (0.9 * best, 1.1 * best):
        assert contraction_factors(CURVATURES, lr).max() > factors.max()
    # below the limit torch converges, above it torch diverges
    assert torch_sgd_path(300, lr=0.49)[-1].abs().max() < 1e-4
    assert torch_sgd_path(300, lr=0.51)[-1].abs().max() > 1e3


def test_gradient_descent_rejects_bad_arguments():
    with pytest.raises(ValueError, match="learning rate"):
        gradient_descent(bowl_grad, START, -0.1, 3)
    with pytest.raises(TypeError, match="steps"):
        gradient_descent(bowl_grad, START, 0.1, 2.5)
    with pytest.raises(ValueError, match="steps"):
        gradient_descent(bowl_grad, START, 0.1, -1)
    with pytest.raises(TypeError, match="start"):
        gradient_descent(bowl_grad, [1.0, 2.0], 0.1, 3)
    with pytest.raises(ValueError, match="curvatures"):
        max_stable_lr(torch.tensor([1.0, -1.0]))


# --- minibatches ------------------------------------------------------------------------------


@settings(max_examples=40)
@given(n=st.integers(1, 200), batch_size=st.integers(1, 64), drop_last=st.booleans())
def test_iterations_per_epoch_is_len_of_dataloader(n, batch_size, drop_last):
    loader = DataLoader(TensorDataset(torch.arange(n)), batch_size=batch_size, drop_last=drop_last)
    expected = n // batch_size if drop_last else math.ceil(n / batch_size)
    assert iterations_per_epoch(n, batch_size, drop_last) == len(loader) == expected
    assert sum(1 for _ in loader) == len(loader)


@pytest.mark.parametrize(
    ("n", "batch_size", "drop_last"),
    [(10, 4, False), (10, 4, True), (12, 4, False), (12, 4, True), (7, 1, False), (5, 8, False)],
)
def test_shuffled_batches_follow_the_dataloader_for_several_epochs(n, batch_size, drop_last):
    loader = DataLoader(
        TensorDataset(torch.arange(n)),
        batch_size=batch_size,
        shuffle=True,
        drop_last=drop_last,
        generator=torch.Generator().manual_seed(0),
    )
    generator = torch.Generator().manual_seed(0)
    for epoch in range(3):
        theirs = [batch[0].tolist() for batch in loader]
        ours = [batch.tolist() for batch in shuffled_batches(n, batch_size, generator, drop_last)]
        assert ours == theirs, f"epoch {epoch}"
        assert len(ours) == iterations_per_epoch(n, batch_size, drop_last)


def test_an_epoch_visits_every_example_once():
    batches = shuffled_batches(10, 3, torch.Generator().manual_seed(1))
    assert [len(b) for b in batches] == [3, 3, 3, 1]
    assert sorted(torch.cat(batches).tolist()) == list(range(10))


def test_the_dataloader_sampler_uses_randperm_with_the_generator():
    generator = torch.Generator().manual_seed(5)
    torch.empty((), dtype=torch.int64).random_(generator=generator)
    loader = DataLoader(
        range(6), batch_size=6, shuffle=True, generator=torch.Generator().manual_seed(5)
    )
    assert next(iter(loader)).tolist() == torch.randperm(6, generator=generator).tolist()


def test_minibatch_gradient_variance_is_exact_over_all_batches():
    generator = torch.Generator().manual_seed(0)
    grads = torch.randn(8, 3, generator=generator, dtype=torch.float64)
    full = grads.mean(0)
    for batch_size in range(1, 9):
        errors = [
            ((grads[list(batch)].mean(0) - full) ** 2).sum()
            for batch in itertools.combinations(range(8), batch_size)
        ]
        exact = float(torch.stack(errors).mean())
        assert minibatch_gradient_variance(grads, batch_size) == pytest.approx(exact, abs=1e-12)
    assert minibatch_gradient_variance(grads, 8) == 0


def test_minibatch_variance_falls_as_one_over_batch_size_for_a_large_data_set():
    grads = torch.randn(100_000, 2, generator=torch.Generator().manual_seed(0))
    one = minibatch_gradient_variance(grads, 1)
    for batch_size in (4, 16, 64):
        assert minibatch_gradient_variance(grads, batch_size) * batch_size == pytest.approx(
            one, rel=1e-3
        )


def test_minibatch_helpers_reject_bad_arguments():
    with pytest.raises(ValueError, match="batch_size"):
        iterations_per_epoch(10, 0)
    with pytest.raises(TypeError, match="n must be an int"):
        iterations_per_epoch(10.0, 2)
    with pytest.raises(TypeError, match="generator"):
        shuffled_batches(10, 2, generator=0)
    with pytest.raises(ValueError, match="batch_size"):
        minibatch_gradient_variance(torch.zeros(4, 2), 5)
    with pytest.raises(ValueError, match="two rows"):
        minibatch_gradient_variance(torch.zeros(1, 2), 1)


# --- momentum ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lr", "momentum", "nesterov"),
    [
        (0.05, 0.9, False),
        (0.05, 0.9, True),
        (0.1, 0.5, False),
        (0.1, 0.5, True),
        (0.01, 0.0, False),
    ],
)
def test_velocity_form_equals_torch_sgd_and_velocity_is_minus_lr_times_buffer(
    lr, momentum, nesterov
):
    ours, theirs = two_shapes()
    optimizer_ours = VelocitySGD(ours, lr=lr, momentum=momentum, nesterov=nesterov)
    optimizer_theirs = torch.optim.SGD(theirs, lr=lr, momentum=momentum, nesterov=nesterov)
    for step in lockstep(optimizer_ours, optimizer_theirs, steps=25):
        for index, (p_ours, p_theirs) in enumerate(zip(ours, theirs, strict=True)):
            torch.testing.assert_close(p_ours, p_theirs, msg=f"step {step}, param {index}")
            if momentum:
                buffer = optimizer_theirs.state[p_theirs]["momentum_buffer"]
                velocity = optimizer_ours.state[index]["velocity"]
                torch.testing.assert_close(velocity, -lr * buffer, msg=f"step {step}")


def test_velocity_form_and_torch_part_when_the_learning_rate_changes():
    ours, theirs = two_shapes()
    optimizer_ours = VelocitySGD(ours, lr=0.1, momentum=0.9)
    optimizer_theirs = torch.optim.SGD(theirs, lr=0.1, momentum=0.9)
    steps = lockstep(optimizer_ours, optimizer_theirs, steps=12)
    for step in steps:
        if step == 5:
            optimizer_ours.lr = 0.01
            optimizer_theirs.param_groups[0]["lr"] = 0.01
    assert not torch.allclose(ours[0], theirs[0])


@pytest.mark.parametrize(("lr", "momentum"), [(0.05, 0.9), (0.3, 0.5), (0.668, 0.403)])
def test_heavy_ball_is_torch_momentum(lr, momentum):
    ours = heavy_ball(bowl_grad, START, lr, momentum, steps=60)
    torch.testing.assert_close(ours, torch_sgd_path(60, lr=lr, momentum=momentum))


@pytest.mark.parametrize(("lr", "momentum"), [(0.05, 0.9), (0.2, 0.6), (0.01, 0.99)])
def test_torch_nesterov_parameter_is_the_lookahead_point(lr, momentum):
    thetas, velocities = nesterov_lookahead(bowl_grad, START, lr, momentum, steps=60)
    theirs = torch_sgd_path(60, lr=lr, momentum=momentum, nesterov=True)
    torch.testing.assert_close(thetas + momentum * velocities, theirs)
    # ... and not the point theta itself
    assert not torch.allclose(thetas[1:], theirs[1:])


def test_nesterov_lookahead_on_a_network_loss_matches_torch():
    """The change of variables holds for any differentiable loss, not only quadratics."""
    ours, theirs = two_shapes()
    start = torch.cat([p.detach().flatten() for p in ours])

    def grad(flat: torch.Tensor) -> torch.Tensor:
        flat = flat.clone().requires_grad_()
        loss = (torch.sin(flat) * flat**2).sum() + (flat**4).sum() / 10
        return torch.autograd.grad(loss, flat)[0]

    thetas, velocities = nesterov_lookahead(grad, start, 0.05, 0.9, steps=25)
    optimizer = torch.optim.SGD(theirs, lr=0.05, momentum=0.9, nesterov=True)
    for step in range(25):
        optimizer.zero_grad()
        flat = torch.cat([p.flatten() for p in theirs])
        ((torch.sin(flat) * flat**2).sum() + (flat**4).sum() / 10).backward()
        optimizer.step()
        flat = torch.cat([p.detach().flatten() for p in theirs])
        torch.testing.assert_close(thetas[step + 1] + 0.9 * velocities[step + 1], flat)


@pytest.mark.parametrize(("momentum", "dampening"), [(0.9, 0.0), (0.5, 0.0), (0.9, 0.5)])
def test_constant_gradient_steps_approach_the_effective_learning_rate(momentum, dampening):
    w = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=0.01, momentum=momentum, dampening=dampening)
    previous = 0.0
    for _ in range(300):
        optimizer.zero_grad()
        w.sum().backward()  # gradient 1 on every step
        optimizer.step()
        step, previous = previous - w.item(), w.item()
    assert step == pytest.approx(effective_lr(0.01, momentum, dampening), rel=1e-9)


@pytest.mark.parametrize(
    ("curvature", "lr", "momentum"), [(0.2, 0.05, 0.9), (4.0, 0.05, 0.9), (4.0, 0.1, 0.3)]
)
def test_momentum_rate_predicts_the_observed_convergence(curvature, lr, momentum):
    rate = momentum_rate(curvature, lr, momentum)
    start = torch.tensor([1.0], dtype=torch.float64)
    points = heavy_ball(lambda w: curvature * w, start, lr, momentum, 440).abs().squeeze(1)
    # the largest |w| over a window of 40 steps shrinks by rate ** 200 every 200 steps
    ratio = points[400:].max() / points[200:240].max()
    assert math.log(ratio) / 200 == pytest.approx(math.log(rate), abs=0.01)


def test_momentum_rate_without_momentum_is_the_contraction_factor():
    assert momentum_rate(4.0, 0.1, 0.0) == pytest.approx(0.6)
    assert momentum_rate(4.0, 0.6, 0.0) == pytest.approx(1.4)  # diverges


def test_polyaks_best_heavy_ball_contracts_every_direction_by_sqrt_momentum():
    lr, momentum = optimal_heavy_ball(0.2, 4.0)
    assert lr == pytest.approx(0.6679, abs=1e-4) and momentum == pytest.approx(0.4026, abs=1e-4)
    for curvature in (0.2, 1.0, 2.5, 4.0):
        assert momentum_rate(curvature, lr, momentum) == pytest.approx(momentum**0.5, abs=1e-6)
    gd_rate = (20 - 1) / (20 + 1)
    assert momentum**0.5 < gd_rate  # (sqrt(k) - 1) / (sqrt(k) + 1) < (k - 1) / (k + 1)


def test_momentum_helpers_reject_bad_arguments():
    with pytest.raises(ValueError, match="momentum"):
        heavy_ball(bowl_grad, START, 0.1, 1.0, 3)
    with pytest.raises(ValueError, match="learning rate"):
        VelocitySGD([torch.zeros(1, requires_grad=True)], lr=-1)
    with pytest.raises(ValueError, match="h_min"):
        optimal_heavy_ball(4.0, 0.2)


# --- ASGD -------------------------------------------------------------------------------------

ASGD_OPTIONS = [
    {},
    {"lr": 0.05},
    {"lr": 0.05, "t0": 5},
    {"lr": 0.05, "t0": 0},
    {"lr": 0.05, "t0": 3.5},
    {"lr": 0.05, "lambd": 0.2},
    {"lr": 0.05, "lambd": 0.2, "alpha": 0.5},
    {"lr": 0.05, "weight_decay": 0.1},
    {"lr": 0.05, "maximize": True},
    {"lr": 0.1, "lambd": 0.05, "alpha": 1.0, "t0": 4, "weight_decay": 0.01},
    {"lr": 0.05, "t0": 2, "maximize": True, "weight_decay": 0.1},
]


def _option_id(options: dict) -> str:
    return ",".join(f"{k}={v}" for k, v in options.items()) or "defaults"


@pytest.mark.parametrize("options", ASGD_OPTIONS, ids=_option_id)
def test_asgd_matches_torch_for_every_step(options):
    ours, theirs = two_shapes()
    optimizer_ours = ASGD(ours, **options)
    optimizer_theirs = torch.optim.ASGD(theirs, **options)
    for step in lockstep(optimizer_ours, optimizer_theirs, steps=25):
        for index, (p_ours, p_theirs) in enumerate(zip(ours, theirs, strict=True)):
            where = f"step {step}, param {index}"
            torch.testing.assert_close(p_ours, p_theirs, msg=where)
            state_ours, state_theirs = optimizer_ours.state[index], optimizer_theirs.state[p_theirs]
            assert set(state_ours) == set(state_theirs) == {"step", "eta", "mu", "ax"}
            torch.testing.assert_close(state_ours["ax"], state_theirs["ax"], msg=where)
            for key in ("step", "eta", "mu"):
                assert float(state_ours[key]) == float(state_theirs[key]), f"{where}: {key}"


def test_asgd_is_bit_exact_with_torchs_single_tensor_path():
    ours, theirs = two_shapes()
    optimizer_ours = ASGD(ours, lr=0.05, t0=3, lambd=0.1)
    optimizer_theirs = torch.optim.ASGD(theirs, lr=0.05, t0=3, lambd=0.1, foreach=False)
    for _ in lockstep(optimizer_ours, optimizer_theirs, steps=25):
        assert all(torch.equal(a, b) for a, b in zip(ours, theirs, strict=True))
        assert torch.equal(optimizer_ours.state[0]["ax"], optimizer_theirs.state[theirs[0]]["ax"])


def test_asgd_foreach_path_agrees_to_rounding():
    ours, theirs = two_shapes()
    optimizer_ours = ASGD(ours, lr=0.05, t0=3, lambd=0.1, weight_decay=0.1)
    optimizer_theirs = torch.optim.ASGD(
        theirs, lr=0.05, t0=3, lambd=0.1, weight_decay=0.1, foreach=True
    )
    for _ in lockstep(optimizer_ours, optimizer_theirs, steps=25):
        torch.testing.assert_close(ours[0], theirs[0])


def test_asgd_average_is_the_mean_of_the_iterates_from_step_t0_plus_2():
    for t0 in (0, 3, 10):
        w = torch.zeros(2, dtype=torch.float64, requires_grad=True)
        optimizer = ASGD([w], lr=0.1, lambd=0.0, t0=t0)
        iterates = []
        for step in range(1, 20):
            w.grad = torch.tensor([math.sin(step), step**0.5], dtype=torch.float64)
            optimizer.step()
            iterates.append(w.detach().clone())
            first = t0 + 2 if step >= t0 + 2 else step  # before that ax is a copy of w
            expected = torch.stack(iterates[first - 1 :]).mean(0)
            torch.testing.assert_close(optimizer.state[0]["ax"], expected, msg=f"t0={t0}")


def test_asgd_learning_rate_schedule_and_default_t0():
    w = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    optimizer = ASGD([w], lr=0.5, lambd=0.1, alpha=0.75)
    for step in range(1, 6):
        w.grad = torch.ones(1, dtype=torch.float64)
        optimizer.step()
        eta = torch.tensor(0.5 / (1 + 0.1 * 0.5 * step) ** 0.75, dtype=torch.float32)
        assert float(optimizer.state[0]["eta"]) == float(eta)
        assert float(optimizer.state[0]["mu"]) == 1.0  # t0 = 1e6: no averaging yet
        assert torch.equal(optimizer.state[0]["ax"], w.detach())


def test_asgd_defaults_are_torchs():
    param = torch.zeros(1, requires_grad=True)
    ours, theirs = ASGD([param]), torch.optim.ASGD([param]).defaults
    assert (ours.lr, ours.lambd, ours.alpha, ours.t0, ours.weight_decay, ours.maximize) == (
        theirs["lr"],
        theirs["lambd"],
        theirs["alpha"],
        theirs["t0"],
        theirs["weight_decay"],
        theirs["maximize"],
    )


def test_asgd_skips_parameters_without_gradient():
    a, b = torch.ones(2, requires_grad=True), torch.ones(2, requires_grad=True)
    optimizer = ASGD([a, b], lr=0.5)
    (a * 2).sum().backward()
    optimizer.step()
    assert b.tolist() == [1.0, 1.0] and optimizer.state[1] == {}
    assert a.tolist() != [1.0, 1.0] and float(optimizer.state[0]["step"]) == 1


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"lr": -0.1}, ValueError, "Invalid learning rate"),
        ({"weight_decay": -1.0}, ValueError, "Invalid weight_decay value"),
        ({"lr": "fast"}, TypeError, "must be a number"),
        ({"t0": "soon"}, TypeError, "t0"),
    ],
)
def test_asgd_rejects_invalid_arguments_like_torch(kwargs, error, match):
    param = torch.zeros(2, requires_grad=True)
    with pytest.raises(error, match=match):
        ASGD([param], **kwargs)
    if error is ValueError:
        with pytest.raises(ValueError, match=match):
            torch.optim.ASGD([param], **kwargs)
