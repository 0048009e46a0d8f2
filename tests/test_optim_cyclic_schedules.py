"""Cosine, cyclic and one-cycle schedules, ReduceLROnPlateau, SWA: nnref against torch."""

import inspect
import math
import random

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from torch.optim import lr_scheduler, swa_utils

from nnref.optim.averaging import AveragedWeights, swalr_lr
from nnref.optim.cyclic_schedules import (
    cosine_annealing_lr,
    cosine_warm_restarts_lr,
    cyclic_lr,
    cyclic_momentum,
    one_cycle_lr,
    one_cycle_momentum,
    one_cycle_total_steps,
)
from nnref.optim.plateau import ReduceLROnPlateau

LRS = (0.1, 0.03)  # two parameter groups with different learning rates


def make_optimizer(cls=torch.optim.SGD, lrs=LRS, **options) -> torch.optim.Optimizer:
    groups = [{"params": [torch.zeros(2, requires_grad=True)], "lr": lr} for lr in lrs]
    return cls(groups, **options)


def record(optimizer, scheduler, steps: int, key: str = "lr") -> list[list[float]]:
    """``param_group[key]`` of every group after construction and after each of ``steps``."""

    def value(group):
        return group["betas"][0] if key == "betas" else group[key]

    values = [[value(g) for g in optimizer.param_groups]]
    for _ in range(steps):
        optimizer.step()
        scheduler.step()
        values.append([value(g) for g in optimizer.param_groups])
    return values


def assert_schedule(theirs: list[list[float]], ours, what: str) -> None:
    """Every step, every group: ``ours(step, group)`` equals torch's value."""
    for step, row in enumerate(theirs):
        for group, value in enumerate(row):
            torch.testing.assert_close(
                ours(step, group), value, rtol=1e-12, atol=1e-15, msg=f"{what}, step {step}"
            )


def test_recording_helper_sees_a_changing_schedule():
    optimizer = make_optimizer()
    values = record(optimizer, lr_scheduler.CosineAnnealingLR(optimizer, T_max=4), 4)
    assert values[0] == list(LRS) and values[4] == [0.0, 0.0]
    with pytest.raises(AssertionError):
        assert_schedule(values, lambda step, group: LRS[group], "constant is wrong")


# --- CosineAnnealingLR -------------------------------------------------------------------------


@pytest.mark.parametrize(("T_max", "eta_min"), [(10, 0.0), (37, 1e-3), (1, 0.0), (50, 0.02)])
def test_cosine_annealing_matches_torch_at_every_step(T_max, eta_min):
    optimizer = make_optimizer()
    scheduler = lr_scheduler.CosineAnnealingLR(optimizer, T_max=T_max, eta_min=eta_min)
    theirs = record(optimizer, scheduler, steps=max(300, 6 * T_max))
    assert_schedule(
        theirs,
        lambda step, group: cosine_annealing_lr(step, LRS[group], T_max, eta_min),
        f"CosineAnnealingLR(T_max={T_max}, eta_min={eta_min})",
    )


def test_cosine_annealing_climbs_back_after_t_max():
    optimizer = make_optimizer(lrs=(0.1,))
    scheduler = lr_scheduler.CosineAnnealingLR(optimizer, T_max=10, eta_min=0.01)
    theirs = [row[0] for row in record(optimizer, scheduler, steps=40)]
    assert theirs[10] == pytest.approx(0.01) and theirs[20] == pytest.approx(0.1)
    assert theirs[15] > theirs[10] and theirs[30] == pytest.approx(0.01)
    assert cosine_annealing_lr(20, 0.1, 10, 0.01) == pytest.approx(0.1)


def test_cosine_annealing_rejects_bad_arguments_where_torch_fails():
    optimizer = make_optimizer()
    scheduler = lr_scheduler.CosineAnnealingLR(optimizer, T_max=0)
    optimizer.step()
    with pytest.raises(ZeroDivisionError):
        scheduler.step()
    with pytest.raises(ValueError, match="T_max"):
        cosine_annealing_lr(1, 0.1, T_max=0)
    with pytest.raises(TypeError, match="T_max"):
        cosine_annealing_lr(1, 0.1, T_max=2.5)
    with pytest.raises(ValueError, match="step"):
        cosine_annealing_lr(-1, 0.1, T_max=10)


# --- CosineAnnealingWarmRestarts ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("T_0", "T_mult", "eta_min"),
    [(10, 1, 0.0), (3, 2, 1e-3), (1, 3, 0.0), (5, 2, 0.01), (2, 5, 0.0)],
)
def test_warm_restarts_match_torch_at_every_step(T_0, T_mult, eta_min):
    optimizer = make_optimizer()
    scheduler = lr_scheduler.CosineAnnealingWarmRestarts(optimizer, T_0, T_mult, eta_min)
    theirs = record(optimizer, scheduler, steps=300)
    assert_schedule(
        theirs,
        lambda step, group: cosine_warm_restarts_lr(step, LRS[group], T_0, T_mult, eta_min),
        f"CosineAnnealingWarmRestarts(T_0={T_0}, T_mult={T_mult})",
    )


@pytest.mark.parametrize(("T_0", "T_mult"), [(4, 1), (2, 2), (3, 3)])
def test_warm_restarts_with_fractional_epochs_match_torch(T_0, T_mult):
    optimizer = make_optimizer()
    scheduler = lr_scheduler.CosineAnnealingWarmRestarts(optimizer, T_0, T_mult, eta_min=1e-3)
    iters = 7  # batches per epoch: scheduler.step(epoch + i / iters) after every batch
    for epoch in range(40):
        for i in range(iters):
            optimizer.step()
            scheduler.step(epoch + i / iters)
            for group, lr in enumerate(scheduler.get_last_lr()):
                ours = cosine_warm_restarts_lr(epoch + i / iters, LRS[group], T_0, T_mult, 1e-3)
                torch.testing.assert_close(ours, lr, rtol=1e-12, atol=1e-15)
            assert scheduler.last_epoch == epoch


def test_torch_warm_restarts_epoch_argument_can_miss_a_restart():
    """torch finds the cycle of an explicit epoch with math.log, which rounds 5 down to 4.99."""
    stepped, jumped = make_optimizer(lrs=(0.1,)), make_optimizer(lrs=(0.1,))
    by_step = lr_scheduler.CosineAnnealingWarmRestarts(stepped, T_0=1, T_mult=3)
    by_epoch = lr_scheduler.CosineAnnealingWarmRestarts(jumped, T_0=1, T_mult=3)
    for _ in range(121):  # restarts at epochs 1, 4, 13, 40, 121
        stepped.step()
        by_step.step()
    jumped.step()
    by_epoch.step(121)
    assert by_step.get_last_lr() == [0.1] and by_epoch.get_last_lr() == [0.0]
    assert cosine_warm_restarts_lr(121, 0.1, T_0=1, T_mult=3) == 0.1


def test_warm_restarts_validate_like_torch():
    for options in [{"T_0": 0}, {"T_0": 1.5}, {"T_0": 2, "T_mult": 0}, {"T_0": 2, "T_mult": 1.5}]:
        with pytest.raises(ValueError, match=r"T_0|T_mult"):
            lr_scheduler.CosineAnnealingWarmRestarts(make_optimizer(), **options)
        with pytest.raises(ValueError, match=r"T_0|T_mult"):
            cosine_warm_restarts_lr(1.0, 0.1, **options)
    with pytest.raises(ValueError, match="eta_min"):
        lr_scheduler.CosineAnnealingWarmRestarts(make_optimizer(), T_0=2, eta_min="0")
    with pytest.raises(ValueError, match="eta_min"):
        cosine_warm_restarts_lr(1.0, 0.1, T_0=2, eta_min="0")
    with pytest.raises(ValueError, match="non-negative epoch"):
        lr_scheduler.CosineAnnealingWarmRestarts(make_optimizer(), T_0=2).step(-1)
    with pytest.raises(ValueError, match="non-negative epoch"):
        cosine_warm_restarts_lr(-1, 0.1, T_0=2)


# --- CyclicLR ----------------------------------------------------------------------------------

CYCLIC = [
    {"step_size_up": 7},
    {"step_size_up": 5, "step_size_down": 11},
    {"step_size_up": 6, "mode": "triangular2"},
    {"step_size_up": 4, "step_size_down": 9, "mode": "exp_range", "gamma": 0.99},
    {"step_size_up": 4, "scale_fn": lambda x: 1 / (1 + x / 50), "scale_mode": "iterations"},
    {"step_size_up": 3, "scale_fn": lambda x: 0.7 ** (x - 1)},
    {"step_size_up": 8, "step_size_down": 0},
    {"step_size_up": 6, "base_momentum": 0.5, "max_momentum": 0.99},
]


@pytest.mark.parametrize("options", CYCLIC, ids=lambda o: ",".join(f"{k}" for k in o))
def test_cyclic_lr_and_momentum_match_torch_at_every_step(options):
    base_lrs, max_lrs = [0.01, 0.002], [0.1, 0.05]
    optimizer = make_optimizer(momentum=0.9)
    scheduler = lr_scheduler.CyclicLR(optimizer, base_lrs, max_lrs, **options)
    momentum_options = {k: v for k, v in options.items() if "momentum" not in k}
    shape = {"base_momentum": 0.8, "max_momentum": 0.9} | options
    for step in range(160):
        for group_index, group in enumerate(optimizer.param_groups):
            ours = cyclic_lr(step, base_lrs[group_index], max_lrs[group_index], **momentum_options)
            torch.testing.assert_close(ours, group["lr"], rtol=1e-12, atol=1e-15)
            momentum = cyclic_momentum(
                step, shape["base_momentum"], shape["max_momentum"], **momentum_options
            )
            torch.testing.assert_close(momentum, group["momentum"], rtol=1e-12, atol=1e-15)
        optimizer.step()
        scheduler.step()


def test_cyclic_lr_cycles_adams_beta1():
    optimizer = make_optimizer(torch.optim.Adam, betas=(0.9, 0.999))
    scheduler = lr_scheduler.CyclicLR(optimizer, 0.001, 0.01, step_size_up=5)
    theirs = record(optimizer, scheduler, steps=120, key="betas")
    assert_schedule(theirs, lambda step, group: cyclic_momentum(step, step_size_up=5), "beta1")
    assert optimizer.param_groups[0]["betas"][1] == 0.999


def test_cyclic_lr_overrides_the_optimizer_and_needs_momentum():
    optimizer = make_optimizer(lrs=(0.5,))  # plain SGD: momentum=0
    lr_scheduler.CyclicLR(optimizer, base_lr=0.01, max_lr=0.1)
    assert optimizer.param_groups[0]["lr"] == 0.01  # base_lr replaces the optimizer's lr
    assert optimizer.param_groups[0]["momentum"] == 0.9  # momentum switched on
    with pytest.raises(ValueError, match="momentum"):
        lr_scheduler.CyclicLR(make_optimizer(torch.optim.Adagrad), base_lr=0.01, max_lr=0.1)
    lr_scheduler.CyclicLR(
        make_optimizer(torch.optim.Adagrad), base_lr=0.01, max_lr=0.1, cycle_momentum=False
    )


def test_cyclic_lr_validates_like_torch():
    with pytest.raises(ValueError, match="mode is invalid"):
        lr_scheduler.CyclicLR(make_optimizer(momentum=0.9), 0.01, 0.1, mode="sawtooth")
    with pytest.raises(ValueError, match="mode is invalid"):
        cyclic_lr(0, 0.01, 0.1, mode="sawtooth")
    with pytest.raises(ZeroDivisionError):
        lr_scheduler.CyclicLR(make_optimizer(momentum=0.9), 0.01, 0.1, step_size_up=0)
    with pytest.raises(ValueError, match="step_size_up"):
        cyclic_lr(0, 0.01, 0.1, step_size_up=0)
    with pytest.raises(ValueError, match="step_size_down"):
        cyclic_lr(0, 0.01, 0.1, step_size_down=-1)
    with pytest.raises(ValueError, match="scale_mode"):  # torch takes any other string
        cyclic_lr(0, 0.01, 0.1, scale_fn=lambda x: 1.0, scale_mode="cycles")
    with pytest.raises(TypeError, match="scale_fn"):
        cyclic_lr(0, 0.01, 0.1, scale_fn=2.0)


# --- OneCycleLR --------------------------------------------------------------------------------

ONE_CYCLE = [
    {"total_steps": 100},
    {"total_steps": 120, "anneal_strategy": "linear", "pct_start": 0.25},
    {"epochs": 5, "steps_per_epoch": 23, "three_phase": True},
    {"total_steps": 101, "pct_start": 0.4, "three_phase": True, "anneal_strategy": "linear"},
    {"total_steps": 150, "div_factor": 10.0, "final_div_factor": 100.0, "pct_start": 0.1},
    {"total_steps": 110, "base_momentum": 0.8, "max_momentum": 0.9, "pct_start": 0.0},
]


@pytest.mark.parametrize("options", ONE_CYCLE, ids=lambda o: ",".join(f"{k}" for k in o))
def test_one_cycle_lr_and_momentum_match_torch_at_every_step(options):
    max_lrs = [0.5, 0.2]
    optimizer = make_optimizer(momentum=0.9)
    scheduler = lr_scheduler.OneCycleLR(optimizer, max_lrs, **options)
    total = one_cycle_total_steps(
        options.get("total_steps"), options.get("epochs"), options.get("steps_per_epoch")
    )
    lr_options = {k: v for k, v in options.items() if "momentum" not in k}
    momentum_options = {k: v for k, v in options.items() if "div_factor" not in k}
    theirs_lr, theirs_momentum = [], []
    for step in range(total + 1):  # torch allows exactly total_steps calls of step()
        theirs_lr.append([g["lr"] for g in optimizer.param_groups])
        theirs_momentum.append([g["momentum"] for g in optimizer.param_groups])
        optimizer.step()
        if step < total:
            scheduler.step()
    assert_schedule(
        theirs_lr, lambda step, group: one_cycle_lr(step, max_lrs[group], **lr_options), "lr"
    )
    assert_schedule(
        theirs_momentum, lambda step, group: one_cycle_momentum(step, **momentum_options), "m"
    )
    with pytest.raises(ValueError, match=f"Tried to step {total + 1} times"):
        scheduler.step()
    with pytest.raises(ValueError, match=f"Tried to step {total + 1} times"):
        one_cycle_lr(total + 1, 0.5, **lr_options)


def test_one_cycle_ends_far_below_its_start():
    optimizer = make_optimizer(momentum=0.9, lrs=(123.0,))  # the optimizer's lr is ignored
    lr_scheduler.OneCycleLR(optimizer, max_lr=1.0, total_steps=10)
    group = optimizer.param_groups[0]
    assert group["initial_lr"] == 1.0 / 25 and group["min_lr"] == 1.0 / 25 / 1e4
    assert group["momentum"] == 0.95
    assert one_cycle_lr(9, 1.0, total_steps=10) == pytest.approx(4e-6)


@pytest.mark.parametrize(
    "options",
    [
        {},
        {"total_steps": 0},
        {"total_steps": 5.0},
        {"epochs": 2},
        {"epochs": 0, "steps_per_epoch": 3},
        {"epochs": 2, "steps_per_epoch": 0},
        {"total_steps": 10, "pct_start": 1},
        {"total_steps": 10, "pct_start": 1.5},
        {"total_steps": 10, "anneal_strategy": "exp"},
    ],
)
def test_one_cycle_validates_like_torch(options):
    with pytest.raises(ValueError) as theirs:
        lr_scheduler.OneCycleLR(make_optimizer(momentum=0.9), 0.1, **options)
    with pytest.raises(ValueError) as ours:
        one_cycle_lr(0, 0.1, **options)
    assert str(ours.value) == str(theirs.value)


def test_one_cycle_empty_phase_and_missing_momentum():
    with pytest.raises(ZeroDivisionError):
        lr_scheduler.OneCycleLR(make_optimizer(momentum=0.9), 0.1, total_steps=10, pct_start=0.1)
    with pytest.raises(ValueError, match="pct_start"):
        one_cycle_lr(0, 0.1, total_steps=10, pct_start=0.1)
    with pytest.raises(ValueError, match="momentum"):
        lr_scheduler.OneCycleLR(make_optimizer(torch.optim.Adagrad), 0.1, total_steps=10)


# --- ReduceLROnPlateau -------------------------------------------------------------------------


def metric_sequence(seed: int, length: int = 400, negative: bool = False) -> list[float]:
    """A noisy, mostly decreasing 'validation loss' with plateaus and exact repeats."""
    rng = random.Random(seed)
    value, values = 5.0, []
    for _ in range(length):
        kind = rng.random()
        if kind < 0.15:
            pass  # exact repeat: never an improvement
        elif kind < 0.5:
            value *= 1 - rng.uniform(0, 0.01)  # a small relative improvement
        else:
            value *= 1 + rng.uniform(-0.002, 0.004)  # noise around a plateau
        values.append(-value if negative else value)
    return values


def assert_plateau_lockstep(metrics, require_reduction: bool = True, **options) -> None:
    optimizer = make_optimizer()
    theirs = lr_scheduler.ReduceLROnPlateau(optimizer, **options)
    ours = ReduceLROnPlateau(list(LRS), **options)
    reductions = 0
    for epoch, metric in enumerate(metrics):
        before = list(ours.lrs)
        theirs.step(metric)
        lrs = ours.step(metric)
        reductions += lrs != before
        assert lrs == [g["lr"] for g in optimizer.param_groups], f"epoch {epoch}"
        for name in ("best", "num_bad_epochs", "cooldown_counter", "last_epoch"):
            assert getattr(ours, name) == getattr(theirs, name), f"epoch {epoch}: {name}"
    if require_reduction:
        assert reductions > 0, "the configuration never reduced the learning rate: a weak test"


PLATEAU = [
    {},
    {"patience": 3},
    {"patience": 0, "factor": 0.5},
    {"patience": 2, "cooldown": 3, "threshold": 1e-3},
    {"patience": 4, "threshold_mode": "abs", "threshold": 0.01},
    {"patience": 1, "min_lr": [1e-3, 1e-4], "factor": 0.3},
    {"patience": 2, "min_lr": 0.0099, "eps": 1e-3},
]


@pytest.mark.parametrize("options", PLATEAU, ids=lambda o: ",".join(o) or "defaults")
def test_reduce_lr_on_plateau_matches_torch_state_at_every_epoch(options):
    assert_plateau_lockstep(metric_sequence(seed=len(options)), **options)


@pytest.mark.parametrize("threshold_mode", ["rel", "abs"])
def test_reduce_lr_on_plateau_in_max_mode(threshold_mode):
    metrics = metric_sequence(seed=7, negative=True)  # increasing while the loss decreases
    assert_plateau_lockstep(metrics, mode="max", patience=2, threshold_mode=threshold_mode)


@settings(max_examples=30)
@given(
    patience=st.integers(0, 6),
    cooldown=st.integers(0, 4),
    factor=st.sampled_from([0.1, 0.5, 0.9]),
    threshold=st.sampled_from([0.0, 1e-4, 1e-2]),
    threshold_mode=st.sampled_from(["rel", "abs"]),
    mode=st.sampled_from(["min", "max"]),
    seed=st.integers(0, 1000),
)
def test_reduce_lr_on_plateau_random_configurations(
    patience, cooldown, factor, threshold, threshold_mode, mode, seed
):
    metrics = metric_sequence(seed, length=300, negative=mode == "max")
    # torch's quirk (see the page): in "max" mode a relative threshold on negative metrics
    # counts a slightly worse value as an improvement, so the rate may never be cut.
    quirk = mode == "max" and threshold_mode == "rel" and threshold > 0
    assert_plateau_lockstep(
        metrics,
        require_reduction=not quirk,
        patience=patience,
        cooldown=cooldown,
        factor=factor,
        threshold=threshold,
        threshold_mode=threshold_mode,
        mode=mode,
    )


def test_reduce_lr_on_plateau_rel_threshold_with_negative_metrics():
    """With best < 0, best * (1 - threshold) lies above best: a slightly worse value 'improves'."""
    for scheduler in [lr_scheduler.ReduceLROnPlateau(make_optimizer()), ReduceLROnPlateau(LRS)]:
        scheduler.step(-10.0)
        scheduler.step(-9.9995)  # worse in mode "min", yet counted as an improvement
        assert scheduler.best == -9.9995 and scheduler.num_bad_epochs == 0


def test_reduce_lr_on_plateau_needs_a_metric_and_validates():
    scheduler = lr_scheduler.ReduceLROnPlateau(make_optimizer())
    with pytest.raises(TypeError, match="metrics"):
        scheduler.step()
    for options, match in [
        ({"factor": 1.0}, "Factor"),
        ({"mode": "maximum"}, "mode"),
        ({"threshold_mode": "relative"}, "threshold mode"),
        ({"min_lr": [0.1, 0.2, 0.3]}, "min_lrs"),
    ]:
        with pytest.raises(ValueError, match=match):
            lr_scheduler.ReduceLROnPlateau(make_optimizer(), **options)
        with pytest.raises(ValueError, match=match):
            ReduceLROnPlateau(list(LRS), **options)


# --- SWA: AveragedModel, SWALR, update_bn --------------------------------------------------------


def _snapshots(model: torch.nn.Module, count: int):
    """Change the model's parameters and buffers ``count`` times, yielding after each change."""
    generator = torch.Generator().manual_seed(0)
    for _ in range(count):
        with torch.no_grad():
            for tensor in [*model.parameters(), *model.buffers()]:
                if tensor.is_floating_point():
                    tensor.add_(torch.randn(tensor.shape, generator=generator, dtype=tensor.dtype))
        yield


def _model() -> torch.nn.Module:
    torch.manual_seed(0)
    return torch.nn.Sequential(
        torch.nn.Linear(3, 4), torch.nn.BatchNorm1d(4), torch.nn.Linear(4, 2)
    ).double()


@pytest.mark.parametrize("decay", [None, 0.9, 0.999, 0.0, 1.0])
@pytest.mark.parametrize("use_buffers", [False, True])
def test_averaged_weights_match_averaged_model_at_every_update(decay, use_buffers):
    model = _model()
    average_fn = None if decay is None else swa_utils.get_ema_multi_avg_fn(decay)
    theirs = swa_utils.AveragedModel(model, multi_avg_fn=average_fn, use_buffers=use_buffers)
    ours = AveragedWeights(decay)

    def tensors(module):
        chosen = [*module.parameters()]
        if use_buffers:
            chosen += [b for b in module.buffers() if b.is_floating_point()]
        return chosen

    for update, _ in enumerate(_snapshots(model, 120)):
        theirs.update_parameters(model)
        ours.update(tensors(model))
        assert int(theirs.n_averaged) == ours.n_averaged == update + 1
        for mine, reference in zip(ours.averaged, tensors(theirs.module), strict=True):
            torch.testing.assert_close(mine, reference, msg=f"update {update}")
    if not use_buffers:  # buffers are copied from the model, not averaged
        torch.testing.assert_close(theirs.module[1].running_mean, model[1].running_mean)


def test_swa_average_is_the_mean_of_the_snapshots():
    model = _model()
    theirs = swa_utils.AveragedModel(model)
    snapshots = []
    for _ in _snapshots(model, 5):
        theirs.update_parameters(model)
        snapshots.append(model[0].weight.detach().clone())
    torch.testing.assert_close(theirs.module[0].weight, torch.stack(snapshots).mean(0))


def test_averaging_validates_like_torch():
    with pytest.raises(ValueError, match="decay"):
        swa_utils.get_ema_multi_avg_fn(1.5)
    with pytest.raises(ValueError, match="decay"):
        AveragedWeights(1.5)
    with pytest.raises(TypeError, match="decay"):
        AveragedWeights("0.9")
    averaged = AveragedWeights()
    averaged.update([torch.zeros(2)])
    with pytest.raises(ValueError, match="expected 1 tensors"):
        averaged.update([torch.zeros(2), torch.zeros(2)])


@pytest.mark.parametrize(
    ("anneal_epochs", "strategy"), [(10, "cos"), (5, "linear"), (1, "cos"), (0, "cos"), (37, "cos")]
)
def test_swalr_matches_torch_at_every_step(anneal_epochs, strategy):
    optimizer = make_optimizer()
    scheduler = swa_utils.SWALR(
        optimizer, swa_lr=[0.05, 0.001], anneal_epochs=anneal_epochs, anneal_strategy=strategy
    )
    theirs = record(optimizer, scheduler, steps=120)
    swa_lrs = [0.05, 0.001]
    assert_schedule(
        theirs,
        lambda step, group: swalr_lr(step, LRS[group], swa_lrs[group], anneal_epochs, strategy),
        f"SWALR({anneal_epochs}, {strategy})",
    )


def test_swalr_starts_from_the_learning_rate_another_scheduler_left():
    optimizer = make_optimizer(lrs=(0.1,))
    cosine = lr_scheduler.CosineAnnealingLR(optimizer, T_max=100)
    swa = swa_utils.SWALR(optimizer, swa_lr=0.01, anneal_epochs=5)  # built at the start
    for _ in range(60):
        optimizer.step()
        cosine.step()
    start = optimizer.param_groups[0]["lr"]
    assert start == pytest.approx(cosine_annealing_lr(60, 0.1, 100))
    for step in range(1, 30):
        optimizer.step()
        swa.step()
        expected = swalr_lr(step, start, 0.01, anneal_epochs=5)
        torch.testing.assert_close(optimizer.param_groups[0]["lr"], expected)


def test_swalr_validates_like_torch():
    for options, match in [
        ({"anneal_epochs": -1}, "anneal_epochs"),
        ({"anneal_epochs": 2.0}, "anneal_epochs"),
        ({"anneal_strategy": "exp"}, "anneal_strategy"),
    ]:
        with pytest.raises(ValueError, match=match):
            swa_utils.SWALR(make_optimizer(), swa_lr=0.05, **options)
        with pytest.raises(ValueError, match=match):
            swalr_lr(1, 0.1, 0.05, **options)


def test_update_bn_recomputes_the_batch_statistics():
    model = _model()
    averaged = swa_utils.AveragedModel(model)
    for _ in _snapshots(model, 3):
        averaged.update_parameters(model)
    batches = [
        torch.randn(16, 3, dtype=torch.float64, generator=torch.Generator().manual_seed(i))
        for i in range(4)
    ]
    averaged.eval()
    swa_utils.update_bn(batches, averaged)
    bn = averaged.module[1]
    features = [averaged.module[0](batch).detach() for batch in batches]
    # momentum=None during update_bn: a plain average over the batches
    torch.testing.assert_close(bn.running_mean, torch.stack([f.mean(0) for f in features]).mean(0))
    torch.testing.assert_close(bn.running_var, torch.stack([f.var(0) for f in features]).mean(0))
    assert bn.momentum == 0.1 and not averaged.training
    assert not torch.allclose(bn.running_mean, model[1].running_mean)


# --- defaults ------------------------------------------------------------------------------------


def _defaults(function) -> dict[str, object]:
    return {
        name: p.default
        for name, p in inspect.signature(function).parameters.items()
        if p.default is not inspect.Parameter.empty
    }


@pytest.mark.parametrize(
    ("ours", "theirs"),
    [
        (cosine_annealing_lr, lr_scheduler.CosineAnnealingLR),
        (cosine_warm_restarts_lr, lr_scheduler.CosineAnnealingWarmRestarts),
        (cyclic_lr, lr_scheduler.CyclicLR),
        (cyclic_momentum, lr_scheduler.CyclicLR),
        (one_cycle_lr, lr_scheduler.OneCycleLR),
        (one_cycle_momentum, lr_scheduler.OneCycleLR),
        (ReduceLROnPlateau, lr_scheduler.ReduceLROnPlateau),
        (swalr_lr, swa_utils.SWALR),
    ],
)
def test_defaults_are_torchs(ours, theirs):
    mine, reference = _defaults(ours), _defaults(theirs)
    assert mine, "no defaults to compare"
    for name, value in mine.items():
        assert reference[name] == value, name
    assert math.isclose(_defaults(swa_utils.get_ema_multi_avg_fn)["decay"], 0.999)
