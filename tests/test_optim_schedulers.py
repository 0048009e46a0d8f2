"""nnref.optim.schedules (closed forms) against torch.optim.lr_scheduler, at every step."""

import inspect
import math
import warnings
from functools import partial

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from torch.optim import lr_scheduler

from nnref.optim.schedules import (
    chained_lr,
    constant_lr,
    exponential_lr,
    lambda_lr,
    linear_lr,
    multiplicative_lr,
    multistep_lr,
    polynomial_lr,
    record_lrs,
    sequential_lr,
    step_lr,
    warmup_cosine_lr,
)

STEPS = 150
BASE_LRS = (0.1, 0.02)  # two parameter groups with different learning rates


def optimizer(lrs=BASE_LRS):
    """An SGD optimizer with one parameter group per learning rate in ``lrs``."""
    groups = [{"params": [torch.zeros(1, requires_grad=True)], "lr": lr} for lr in lrs]
    return torch.optim.SGD(groups)


def torch_lrs(scheduler, steps=STEPS):
    """Each group's learning rate at steps 0..steps-1: optimizer.step(), then scheduler.step()."""
    rows = []
    for _ in range(steps):
        rows.append([float(lr) for lr in scheduler.get_last_lr()])
        scheduler.optimizer.step()
        scheduler.step()
    return rows


def assert_schedule(rows, closed_form, base_lrs=BASE_LRS):
    """Every group's learning rate equals ``closed_form(step, base_lr)`` at every step."""
    for step, row in enumerate(rows):
        expected = [closed_form(step, base_lr) for base_lr in base_lrs]
        torch.testing.assert_close(
            row, expected, rtol=1e-12, atol=1e-15, msg=lambda m, s=step: f"step {s}: {m}"
        )


# (torch class, its keyword arguments, our function): our function takes the same keywords.
DECAY_CASES = [
    (lr_scheduler.StepLR, {"step_size": 1}, step_lr),
    (lr_scheduler.StepLR, {"step_size": 30}, step_lr),
    (lr_scheduler.StepLR, {"step_size": 7, "gamma": 0.5}, step_lr),
    (lr_scheduler.MultiStepLR, {"milestones": [30, 80]}, multistep_lr),
    (lr_scheduler.MultiStepLR, {"milestones": [100, 10, 50], "gamma": 0.5}, multistep_lr),
    (lr_scheduler.MultiStepLR, {"milestones": [20, 20, 60], "gamma": 0.3}, multistep_lr),
    (lr_scheduler.ExponentialLR, {"gamma": 0.95}, exponential_lr),
    (lr_scheduler.ExponentialLR, {"gamma": 0.99}, exponential_lr),
    (lr_scheduler.ExponentialLR, {"gamma": 1.01}, exponential_lr),
    (lr_scheduler.ConstantLR, {}, constant_lr),
    (lr_scheduler.ConstantLR, {"factor": 0.1, "total_iters": 40}, constant_lr),
    (lr_scheduler.ConstantLR, {"factor": 1.0, "total_iters": 3}, constant_lr),
    (lr_scheduler.LinearLR, {}, linear_lr),
    (lr_scheduler.LinearLR, {"start_factor": 0.01, "total_iters": 40}, linear_lr),
    (
        lr_scheduler.LinearLR,
        {"start_factor": 1.0, "end_factor": 0.0, "total_iters": 100},
        linear_lr,
    ),
    (lr_scheduler.LinearLR, {"start_factor": 0.5, "end_factor": 0.2, "total_iters": 7}, linear_lr),
    (lr_scheduler.PolynomialLR, {}, polynomial_lr),
    (lr_scheduler.PolynomialLR, {"total_iters": 100, "power": 2.0}, polynomial_lr),
    (lr_scheduler.PolynomialLR, {"total_iters": 120, "power": 0.9}, polynomial_lr),
    (lr_scheduler.PolynomialLR, {"total_iters": 60, "power": 0.0}, polynomial_lr),
]


def _case_id(case):
    cls, kwargs, _ = case
    return cls.__name__ + "(" + ",".join(f"{k}={v}" for k, v in kwargs.items()) + ")"


@pytest.mark.parametrize("case", DECAY_CASES, ids=[_case_id(c) for c in DECAY_CASES])
def test_decay_schedule_matches_torch_at_every_step(case):
    cls, kwargs, ours = case
    rows = torch_lrs(cls(optimizer(), **kwargs))
    assert_schedule(rows, lambda step, base_lr: ours(step, base_lr, **kwargs))


@pytest.mark.parametrize("case", DECAY_CASES[::3], ids=[_case_id(c) for c in DECAY_CASES[::3]])
def test_schedule_continues_after_saving_and_loading_state(case):
    cls, kwargs, ours = case
    first_optimizer = optimizer()
    first = cls(first_optimizer, **kwargs)
    rows = torch_lrs(first, steps=40)
    checkpoint = first_optimizer.state_dict(), first.state_dict()
    resumed_optimizer = optimizer(lrs=(1.0, 1.0))  # any learning rate: the checkpoint wins
    resumed = cls(resumed_optimizer, **kwargs)  # build the scheduler first, then load both
    resumed_optimizer.load_state_dict(checkpoint[0])
    resumed.load_state_dict(checkpoint[1])
    rows += torch_lrs(resumed, steps=STEPS - 40)
    assert_schedule(rows, lambda step, base_lr: ours(step, base_lr, **kwargs))


@pytest.mark.parametrize(
    ("cls", "function"),
    [
        (lr_scheduler.StepLR, step_lr),
        (lr_scheduler.MultiStepLR, multistep_lr),
        (lr_scheduler.ConstantLR, constant_lr),
        (lr_scheduler.LinearLR, linear_lr),
        (lr_scheduler.ExponentialLR, exponential_lr),
        (lr_scheduler.PolynomialLR, polynomial_lr),
    ],
)
def test_defaults_are_torchs(cls, function):
    theirs = inspect.signature(cls).parameters
    ours = inspect.signature(function).parameters
    shared = [name for name in ours if name in theirs]
    assert len(shared) == len(ours) - 2  # everything but step and base_lr
    for name in shared:
        assert ours[name].default == theirs[name].default, name


@settings(max_examples=30)
@given(
    step_size=st.integers(1, 40),
    gamma=st.floats(0.05, 1.0),
    total_iters=st.integers(1, 80),
    factor=st.floats(0.01, 1.0),
    power=st.floats(0.0, 3.0),
)
def test_random_configurations_match_torch(step_size, gamma, total_iters, factor, power):
    configs = [
        (lr_scheduler.StepLR, {"step_size": step_size, "gamma": gamma}, step_lr),
        (
            lr_scheduler.MultiStepLR,
            {"milestones": [step_size, 2 * step_size], "gamma": gamma},
            multistep_lr,
        ),
        (lr_scheduler.ExponentialLR, {"gamma": gamma}, exponential_lr),
        (lr_scheduler.ConstantLR, {"factor": factor, "total_iters": total_iters}, constant_lr),
        (lr_scheduler.LinearLR, {"start_factor": factor, "total_iters": total_iters}, linear_lr),
        (lr_scheduler.PolynomialLR, {"total_iters": total_iters, "power": power}, polynomial_lr),
    ]
    for cls, kwargs, ours in configs:
        rows = torch_lrs(cls(optimizer(), **kwargs), steps=100)
        assert_schedule(rows, lambda step, base_lr, o=ours, k=kwargs: o(step, base_lr, **k))


def test_lambdalr_multiplies_the_base_rate_with_one_lambda_per_group():
    lambdas = [lambda t: 1 / (1 + 0.1 * t), lambda t: 0.97**t * (t % 3 + 1)]
    rows = torch_lrs(lr_scheduler.LambdaLR(optimizer(), lr_lambda=lambdas))
    for step, row in enumerate(rows):
        expected = [lambda_lr(step, b, f) for b, f in zip(BASE_LRS, lambdas, strict=True)]
        torch.testing.assert_close(row, expected, rtol=1e-12, atol=0)


def test_multiplicativelr_multiplies_the_current_rate_from_step_one():
    factor = lambda t: 0.9 if t % 2 else 1.05  # noqa: E731
    rows = torch_lrs(lr_scheduler.MultiplicativeLR(optimizer(), lr_lambda=factor))
    assert rows[0] == list(BASE_LRS)  # factor(0) is never applied
    assert_schedule(rows, lambda step, base_lr: multiplicative_lr(step, base_lr, factor))


WARMUP_CASES = [
    {"warmup_steps": 10, "total_steps": 100, "start_factor": 0.01, "eta_min": 1e-4},
    {"warmup_steps": 5, "total_steps": 60, "start_factor": 1.0 / 3, "eta_min": 0.0},
    {"warmup_steps": 30, "total_steps": 130, "start_factor": 0.1, "eta_min": 0.001},
]


@pytest.mark.parametrize("case", WARMUP_CASES)
def test_warmup_cosine_equals_sequentiallr_and_lambdalr_at_every_step(case):
    w, total = case["warmup_steps"], case["total_steps"]
    opt = optimizer(lrs=(0.1,))  # eta_min is absolute, so one group
    warmup = lr_scheduler.LinearLR(opt, start_factor=case["start_factor"], total_iters=w)
    cosine = lr_scheduler.CosineAnnealingLR(opt, T_max=total - w, eta_min=case["eta_min"])
    sequential = lr_scheduler.SequentialLR(opt, [warmup, cosine], milestones=[w])
    ours = partial(warmup_cosine_lr, **case)
    assert_schedule(torch_lrs(sequential), ours, base_lrs=(0.1,))  # 150 steps: past the end

    # The same schedule as one LambdaLR formula (a multiplier of the base rate).
    lam = lambda t: ours(t, 0.1) / 0.1  # noqa: E731
    assert_schedule(torch_lrs(lr_scheduler.LambdaLR(optimizer(lrs=(0.1,)), lam)), ours, (0.1,))


def test_sequentiallr_restarts_each_scheduler_at_its_step_zero():
    opt = optimizer()
    schedulers = [
        lr_scheduler.LinearLR(opt, start_factor=0.1, total_iters=10),
        lr_scheduler.ConstantLR(opt, factor=0.5, total_iters=100),
        lr_scheduler.ExponentialLR(opt, gamma=0.9),
    ]
    rows = torch_lrs(lr_scheduler.SequentialLR(opt, schedulers, milestones=[10, 40]))

    def ours(step, base_lr):
        phases = [
            partial(linear_lr, base_lr=base_lr, start_factor=0.1, total_iters=10),
            partial(constant_lr, base_lr=base_lr, factor=0.5, total_iters=100),
            partial(exponential_lr, base_lr=base_lr, gamma=0.9),
        ]
        return sequential_lr(step, phases, [10, 40])

    assert_schedule(rows, ours)
    assert rows[39][0] == pytest.approx(0.05) and rows[40][0] == pytest.approx(0.1)


def test_sequentiallr_continues_from_the_current_rate_without_a_closed_form():
    opt = optimizer(lrs=(0.1,))
    first = lr_scheduler.ConstantLR(opt, factor=0.1, total_iters=20)
    second = lr_scheduler.MultiplicativeLR(opt, lr_lambda=lambda t: 0.5 if t == 0 else 0.9)
    rows = torch_lrs(lr_scheduler.SequentialLR(opt, [first, second], milestones=[3]), steps=6)
    # At the milestone the current rate is multiplied by lambda(0), then by lambda(t).
    assert [round(row[0], 6) for row in rows] == [0.01, 0.01, 0.01, 0.005, 0.0045, 0.00405]


CHAINS = [
    (
        lambda o: [
            lr_scheduler.LinearLR(o, 0.2, total_iters=5),
            lr_scheduler.ExponentialLR(o, 0.9),
        ],
        [
            partial(linear_lr, base_lr=1.0, start_factor=0.2),
            partial(exponential_lr, base_lr=1.0, gamma=0.9),
        ],
    ),
    (
        lambda o: [lr_scheduler.ConstantLR(o, 0.5, 20), lr_scheduler.StepLR(o, 15, 0.3)],
        [
            partial(constant_lr, base_lr=1.0, factor=0.5, total_iters=20),
            partial(step_lr, base_lr=1.0, step_size=15, gamma=0.3),
        ],
    ),
    (
        lambda o: [
            lr_scheduler.MultiStepLR(o, [40, 90], 0.5),
            lr_scheduler.PolynomialLR(o, 140, 2),
        ],
        [
            partial(multistep_lr, base_lr=1.0, milestones=[40, 90], gamma=0.5),
            partial(polynomial_lr, base_lr=1.0, total_iters=140, power=2),
        ],
    ),
    (
        lambda o: [
            lr_scheduler.LinearLR(o, 0.01, total_iters=10),
            lr_scheduler.CosineAnnealingLR(o, T_max=STEPS),
        ],
        [
            partial(linear_lr, base_lr=1.0, start_factor=0.01, total_iters=10),
            lambda t: (1 + math.cos(math.pi * t / STEPS)) / 2,
        ],
    ),
]


@pytest.mark.parametrize(("make", "multipliers"), CHAINS)
def test_chainedscheduler_multiplies_the_effects(make, multipliers):
    opt = optimizer()
    rows = torch_lrs(lr_scheduler.ChainedScheduler(make(opt), optimizer=opt))
    assert_schedule(rows, lambda step, base_lr: chained_lr(step, base_lr, multipliers))


def test_lambdalr_is_not_chainable_it_overwrites_the_rate():
    opt = optimizer(lrs=(0.1,))
    chain = [lr_scheduler.ExponentialLR(opt, 0.5), lr_scheduler.LambdaLR(opt, lambda t: 1.0)]
    rows = torch_lrs(lr_scheduler.ChainedScheduler(chain), steps=5)
    assert [row[0] for row in rows] == [0.1] * 5  # ExponentialLR's halving is lost


def test_record_lrs_reads_the_rate_before_each_scheduler_step():
    opt = optimizer(lrs=(0.1,))
    lrs = record_lrs(lr_scheduler.StepLR(opt, step_size=2, gamma=0.5), steps=5)
    assert lrs == pytest.approx([0.1, 0.1, 0.05, 0.05, 0.025])
    with pytest.raises(ValueError, match="steps"):
        record_lrs(lr_scheduler.StepLR(opt, step_size=2), steps=0)


def test_scheduler_step_before_optimizer_step_warns_and_skips_the_first_value():
    param = torch.zeros(1, requires_grad=True)
    opt = torch.optim.SGD([param], lr=0.1)
    scheduler = lr_scheduler.StepLR(opt, step_size=1, gamma=0.5)
    with pytest.warns(UserWarning, match=r"lr_scheduler.step\(\)` before `optimizer.step\(\)"):
        scheduler.step()
    assert opt.param_groups[0]["lr"] == 0.05  # the first update will not use 0.1

    opt = torch.optim.SGD([param], lr=0.1)
    scheduler = lr_scheduler.StepLR(opt, step_size=1, gamma=0.5)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        opt.step()
        scheduler.step()


# Invalid arguments: (ours, torch constructor) with the same bad value; torch validates these.
def _torch(cls, **kwargs):
    return lambda: cls(optimizer(), **kwargs)


SHARED_ERRORS = [
    (
        ValueError,
        "start_factor",
        lambda: linear_lr(0, 0.1, start_factor=0.0),
        _torch(lr_scheduler.LinearLR, start_factor=0.0),
    ),
    (
        ValueError,
        "start_factor",
        lambda: linear_lr(0, 0.1, start_factor=1.5),
        _torch(lr_scheduler.LinearLR, start_factor=1.5),
    ),
    (
        ValueError,
        "end_factor",
        lambda: linear_lr(0, 0.1, end_factor=-0.1),
        _torch(lr_scheduler.LinearLR, end_factor=-0.1),
    ),
    (
        ValueError,
        "factor",
        lambda: constant_lr(0, 0.1, factor=1.5),
        _torch(lr_scheduler.ConstantLR, factor=1.5),
    ),
    (
        ValueError,
        "factor",
        lambda: constant_lr(0, 0.1, factor=-0.5),
        _torch(lr_scheduler.ConstantLR, factor=-0.5),
    ),
    (
        TypeError,
        "lr_lambda",
        lambda: lambda_lr(0, 0.1, 3),
        _torch(lr_scheduler.LambdaLR, lr_lambda=3),
    ),
    (
        TypeError,
        "lr_lambda",
        lambda: multiplicative_lr(0, 0.1, 3),
        _torch(lr_scheduler.MultiplicativeLR, lr_lambda=[3, 3]),
    ),
    (
        ValueError,
        "milestone",
        lambda: sequential_lr(0, [lambda t: 0.1], [5]),
        lambda: lr_scheduler.SequentialLR(
            (o := optimizer()), [lr_scheduler.StepLR(o, 2)], milestones=[5]
        ),
    ),
]


@pytest.mark.parametrize(("error", "name", "ours", "theirs"), SHARED_ERRORS)
def test_invalid_arguments_raise_like_torch(error, name, ours, theirs):
    with pytest.raises(error, match=name):
        ours()
    with pytest.raises(error):
        theirs()


OUR_ERRORS = [
    (TypeError, "step", lambda: step_lr(1.5, 0.1, 3)),
    (ValueError, "step", lambda: step_lr(-1, 0.1, 3)),
    (ValueError, "base_lr", lambda: exponential_lr(0, -0.1, 0.9)),
    (TypeError, "step_size", lambda: step_lr(0, 0.1, 2.5)),
    (ValueError, "step_size", lambda: step_lr(0, 0.1, 0)),
    (ValueError, "step_size", lambda: step_lr(0, 0.1, -1)),
    (ValueError, "gamma", lambda: exponential_lr(0, 0.1, -0.9)),
    (TypeError, "gamma", lambda: step_lr(0, 0.1, 3, gamma="0.1")),
    (TypeError, r"milestones\[1\]", lambda: multistep_lr(0, 0.1, [3, 4.0])),
    (ValueError, r"milestones\[0\]", lambda: multistep_lr(0, 0.1, [-3])),
    (ValueError, "total_iters", lambda: linear_lr(0, 0.1, total_iters=0)),
    (ValueError, "total_iters", lambda: polynomial_lr(0, 0.1, total_iters=0)),
    (ValueError, "total_iters", lambda: constant_lr(0, 0.1, total_iters=0)),
    (ValueError, "power", lambda: polynomial_lr(0, 0.1, power=-1.0)),
    (ValueError, "total_steps", lambda: warmup_cosine_lr(0, 0.1, 10, 10)),
    (ValueError, "start_factor", lambda: warmup_cosine_lr(50, 0.1, 10, 100, start_factor=0)),
    (ValueError, "increasing", lambda: sequential_lr(0, [abs, abs, abs], [10, 5])),
    (ValueError, "at least one", lambda: chained_lr(0, 0.1, [])),
    (TypeError, r"multipliers\[0\]", lambda: chained_lr(0, 0.1, [0.5])),
]


@pytest.mark.parametrize(("error", "name", "call"), OUR_ERRORS)
def test_invalid_arguments_raise_a_clear_error(error, name, call):
    with pytest.raises(error, match=name):
        call()


def test_torch_does_not_check_step_size_and_breaks_later():
    scheduler = lr_scheduler.StepLR(optimizer(), step_size=0)  # accepted
    scheduler.optimizer.step()
    with pytest.raises(ZeroDivisionError):
        scheduler.step()
    negative = torch_lrs(lr_scheduler.StepLR(optimizer(lrs=(0.1,)), step_size=-1), steps=3)
    assert [round(row[0], 6) for row in negative] == [0.1, 0.01, 0.001]  # decays every step
    negative = torch_lrs(lr_scheduler.StepLR(optimizer(lrs=(0.1,)), step_size=-3), steps=7)
    # decays when 3 divides t, while the closed form 0.1 * 0.1 ** (t // -3) would grow
    assert [round(row[0], 6) for row in negative] == [0.1, 0.1, 0.1, 0.01, 0.01, 0.01, 0.001]


def test_torch_constantlr_with_factor_zero_divides_by_zero_at_total_iters():
    assert constant_lr(3, 0.1, factor=0.0, total_iters=3) == 0.1
    scheduler = lr_scheduler.ConstantLR(optimizer(), factor=0.0, total_iters=3)
    for _ in range(2):
        scheduler.optimizer.step()
        scheduler.step()
    assert scheduler.get_last_lr() == [0.0, 0.0]
    scheduler.optimizer.step()
    with pytest.raises(ZeroDivisionError):
        scheduler.step()
