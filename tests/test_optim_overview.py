"""The optimization overview and the learning-rate page: tables, from-scratch code, figures.

- the table of all torch.optim optimizers on the overview page (every language) states the
  defaults of torch's signatures and the state that one step creates;
- ``GroupedSGD`` (parameter groups, state, state dicts) runs in lockstep with torch.optim.SGD,
  exchanges state dicts with it and rejects bad input like torch.optim.Optimizer;
- the learning-rate range test uses exactly torch's ExponentialLR / LinearLR schedules;
- the learning rates of the overview figure are the best of their grid.

Speed: every tensor here is tiny, so intra-op threads only add synchronisation (and spin-waiting
under load); the module runs single-threaded (the results are bitwise the same), and the page
table and one-step states are computed once.
"""

import ast
import copy
import functools
import inspect
import itertools
import math
import re

import pytest
import torch
from hypothesis import given
from hypothesis import strategies as st
from torch.optim.optimizer import required

from nnref.catalog import LANGUAGES
from nnref.figures import optim_overview as figure
from nnref.optim import lockstep
from nnref.optim.lr_finder import RangeTest, lr_range_test, range_test_lrs
from nnref.optim.param_groups import REQUIRED, GroupedOptimizer, GroupedSGD
from nnref.optim.training_curves import initial_weights, loss_curve, mse, regression_data
from nnref.paths import DOCS

OPTIMIZERS = [
    "SGD", "ASGD", "Adagrad", "RMSprop", "Adadelta", "Rprop", "Adam", "AdamW",
    "Adamax", "NAdam", "RAdam", "SparseAdam", "Adafactor", "LBFGS", "Muon",
]  # fmt: skip
FLAGS = {"params", "foreach", "maximize", "capturable", "differentiable", "fused"}


@pytest.fixture(scope="module", autouse=True)
def _one_thread():
    """Run this module with one intra-op thread, then restore the previous setting."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


# The table of optimizers on the overview page ------------------------------------------------


@functools.cache
def _table_rows(lang: str) -> dict[str, list[str]]:
    """The rows of the optimizer table of docs/<lang>/optim/index.md, keyed by class name."""
    text = (DOCS / lang / "optim/index.md").read_text(encoding="utf-8")
    rows = {}
    for line in text.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        match = len(cells) == 5 and re.fullmatch(r"\[?`(\w+)`(?:\]\(\S+\))?", cells[0])
        if match and match[1] in OPTIMIZERS:
            rows[match[1]] = cells
    return rows


def _parse_defaults(cell: str) -> dict[str, object]:
    """`lr=0.001, betas=(0.9, 0.999)` -> {"lr": 0.001, "betas": (0.9, 0.999)}."""
    code = re.fullmatch(r"`(.*)`", cell)
    assert code, f"the defaults cell {cell!r} should be one code span"
    call = ast.parse(f"f({code[1]})", mode="eval").body
    return {keyword.arg: ast.literal_eval(keyword.value) for keyword in call.keywords}


def _signature_defaults(name: str) -> dict[str, object]:
    signature = inspect.signature(getattr(torch.optim, name))
    return {k: p.default for k, p in signature.parameters.items() if k not in FLAGS}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_table_lists_every_optimizer_of_torch_optim(lang):
    public = {
        name
        for name in torch.optim.__all__
        if inspect.isclass(getattr(torch.optim, name))
        and issubclass(getattr(torch.optim, name), torch.optim.Optimizer)
        and name != "Optimizer"
    }
    assert public == set(OPTIMIZERS)
    assert list(_table_rows(lang)) == OPTIMIZERS, f"docs/{lang}/optim/index.md: table rows"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", OPTIMIZERS)
def test_the_table_states_torchs_defaults(name, lang):
    stated = _parse_defaults(_table_rows(lang)[name][2])
    assert stated == _signature_defaults(name), f"docs/{lang}/optim/index.md: {name} defaults"


@functools.cache
def _state_after_one_step(name: str) -> tuple[torch.Tensor, dict]:
    """The state of ``torch.optim.<name>`` (defaults) after one step on a 4 x 3 matrix."""
    if name == "SparseAdam":
        embedding = torch.nn.Embedding(4, 3, sparse=True)
        param = embedding.weight

        def loss():
            return embedding(torch.arange(4)).pow(2).sum()
    else:
        param = torch.randn(4, 3, requires_grad=True)

        def loss():
            return param.pow(2).sum()

    optimizer = getattr(torch.optim, name)([param])

    def closure():
        optimizer.zero_grad()
        value = loss()
        value.backward()
        return value

    optimizer.step(closure)
    return param, optimizer.state[param]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", OPTIMIZERS)
def test_the_table_states_the_memory_one_step_creates(name, lang):
    cell = _table_rows(lang)[name][3]
    param, state = _state_after_one_step(name)
    full = [k for k, v in state.items() if torch.is_tensor(v) and v.numel() == param.numel()]
    if name == "Adafactor":
        assert cell.startswith(("factored", "факторизован", "分解")), cell
        assert not full and set(state) == {"step", "row_var", "col_var"}
        return
    number = re.match(r"\d+", cell)
    assert number, f"docs/{lang}/optim/index.md: the state of {name} should start with a count"
    assert int(number[0]) == len(full), f"{name}: one step creates {full}"
    for key in full:
        assert f"`{key}`" in cell, f"docs/{lang}/optim/index.md: {name} state should name {key}"


# GroupedSGD against torch.optim.SGD ------------------------------------------------------------

OPTIONS = [
    {},
    {"lr": 0.05},
    {"lr": 0.05, "momentum": 0.9},
    {"lr": 0.05, "momentum": 0.9, "dampening": 0.3},
    {"lr": 0.05, "momentum": 0.9, "nesterov": True},
    {"lr": 0.05, "weight_decay": 0.1},
    {"lr": 0.05, "maximize": True},
    {"lr": 0.05, "momentum": 0.5, "weight_decay": 0.1, "nesterov": True, "maximize": True},
]
GROUP_OPTIONS = [{}, {"lr": 0.01, "momentum": 0.8}, {"weight_decay": 0.2, "momentum": 0.0}]


def _pair(options, group_options):
    """Two optimizers over equal float64 parameters of two shapes, one group each."""
    torch.manual_seed(0)
    start = [torch.randn(3, 2, dtype=torch.float64), torch.randn(4, dtype=torch.float64)]
    ours = [t.clone().requires_grad_() for t in start]
    theirs = [t.clone().requires_grad_() for t in start]

    def groups(params):
        return [{"params": [params[0]]}, {"params": [params[1]], **group_options}]

    return (
        ours,
        theirs,
        GroupedSGD(groups(ours), **options),
        torch.optim.SGD(groups(theirs), **options),
    )


def _assert_same_state(ours_opt, theirs_opt, ours, theirs, where):
    for index, (p_ours, p_theirs) in enumerate(zip(ours, theirs, strict=True)):
        torch.testing.assert_close(p_ours, p_theirs, msg=f"{where}, param {index}")
        expected = theirs_opt.state.get(p_theirs, {})
        got = ours_opt.state.get(p_ours, {})
        assert set(got) == set(expected), f"{where}: state keys of param {index}"
        for key, value in expected.items():
            torch.testing.assert_close(got[key], value, msg=f"{where}, {key} of param {index}")


@pytest.mark.parametrize("group_options", GROUP_OPTIONS, ids=["same", "momentum", "decay"])
@pytest.mark.parametrize("options", OPTIONS, ids=lambda o: ",".join(o) or "defaults")
def test_grouped_sgd_matches_torch_for_every_step(options, group_options):
    ours, theirs, ours_opt, theirs_opt = _pair(options, group_options)
    for step in lockstep(_Adapter(ours_opt, ours), theirs_opt, steps=25):
        _assert_same_state(ours_opt, theirs_opt, ours, theirs, f"step {step}")


class _Adapter:
    """``lockstep`` expects ``.params``; GroupedSGD keeps its tensors in groups."""

    def __init__(self, optimizer, params):
        self.optimizer, self.params = optimizer, params

    def zero_grad(self):
        self.optimizer.zero_grad()

    def step(self, closure):
        return self.optimizer.step(closure)


@pytest.mark.parametrize("options", OPTIONS[2:5], ids=["momentum", "dampening", "nesterov"])
def test_state_dicts_are_interchangeable_with_torch(options):
    ours, theirs, ours_opt, theirs_opt = _pair(options, {"lr": 0.02})
    steps = lockstep(_Adapter(ours_opt, ours), theirs_opt, steps=20)
    for step in steps:
        if step == 9:
            break
    ours_saved, theirs_saved = ours_opt.state_dict(), theirs_opt.state_dict()
    assert sorted(ours_saved) == sorted(theirs_saved) == ["param_groups", "state"]
    assert sorted(ours_saved["state"]) == sorted(theirs_saved["state"])
    for saved_ours, saved_theirs in zip(
        ours_saved["param_groups"], theirs_saved["param_groups"], strict=True
    ):
        assert saved_ours == {k: saved_theirs[k] for k in saved_ours}
    for number, entry in theirs_saved["state"].items():
        torch.testing.assert_close(
            ours_saved["state"][number]["momentum_buffer"], entry["momentum_buffer"]
        )
    ours_opt.load_state_dict(copy.deepcopy(theirs_saved))
    theirs_opt.load_state_dict(copy.deepcopy(ours_saved))
    for step in lockstep(_Adapter(ours_opt, ours), theirs_opt, steps=10):
        _assert_same_state(ours_opt, theirs_opt, ours, theirs, f"step {step} after loading")


def test_a_fresh_optimizer_continues_exactly_from_a_state_dict():
    ours, theirs, ours_opt, theirs_opt = _pair({"lr": 0.05, "momentum": 0.9}, {})
    for _ in lockstep(_Adapter(ours_opt, ours), theirs_opt, steps=5):
        pass
    resumed = GroupedSGD(
        [{"params": [ours[0]]}, {"params": [ours[1]]}], lr=1.0, momentum=0.0
    )  # options and state all come from the saved dict
    resumed.load_state_dict(theirs_opt.state_dict())
    assert [g["lr"] for g in resumed.param_groups] == [0.05, 0.05]
    assert resumed.param_groups[0]["params"] == [ours[0]]
    for step in lockstep(_Adapter(resumed, ours), theirs_opt, steps=5):
        _assert_same_state(resumed, theirs_opt, ours, theirs, f"resumed step {step}")


def test_load_state_dict_copies_and_casts_like_torch():
    param = torch.zeros(3, dtype=torch.float64, requires_grad=True)
    saved = {
        "state": {0: {"momentum_buffer": torch.ones(3, dtype=torch.float32)}},
        "param_groups": [{"lr": 0.1, "momentum": 0.9, "dampening": 0, "weight_decay": 0,
                          "nesterov": False, "maximize": False, "params": [0]}],
    }  # fmt: skip
    ours = GroupedSGD([param])
    ours.load_state_dict(saved)
    buffer = ours.state[param]["momentum_buffer"]
    theirs = torch.optim.SGD([param])
    theirs.load_state_dict(saved)
    assert buffer.dtype == theirs.state[param]["momentum_buffer"].dtype == torch.float64
    assert buffer is not saved["state"][0]["momentum_buffer"]


def test_param_groups_are_completed_from_the_defaults_like_torch():
    a, b = torch.zeros(2, requires_grad=True), torch.zeros(3, requires_grad=True)
    groups = [{"params": a}, {"params": (b,), "lr": 0.5}]
    ours = GroupedSGD(copy.copy(groups), lr=0.1, momentum=0.9)
    theirs = torch.optim.SGD(copy.copy(groups), lr=0.1, momentum=0.9)
    for got, expected in zip(ours.param_groups, theirs.param_groups, strict=True):
        assert got == {k: expected[k] for k in got}
    assert ours.param_groups[0]["params"] == [a] and ours.param_groups[1]["lr"] == 0.5
    assert ours.defaults == {k: theirs.defaults[k] for k in ours.defaults}


def test_zero_grad_in_both_modes_like_torch():
    for set_to_none in (True, False):
        a, b = torch.ones(2, requires_grad=True), torch.ones(2, requires_grad=True)
        ours, theirs = GroupedSGD([a]), torch.optim.SGD([b])
        for param, optimizer in ((a, ours), (b, theirs)):
            (param * 3).sum().backward()
            optimizer.zero_grad(set_to_none=set_to_none)
        if set_to_none:
            assert a.grad is None and b.grad is None
        else:
            assert a.grad.tolist() == b.grad.tolist() == [0.0, 0.0]


def test_step_skips_parameters_without_gradient_and_returns_the_closure_loss():
    a, b = torch.ones(2, requires_grad=True), torch.ones(2, requires_grad=True)
    optimizer = GroupedSGD([a, b], lr=0.5, momentum=0.9)

    def closure():
        optimizer.zero_grad()
        loss = (a**2).sum()
        loss.backward()
        return loss

    assert optimizer.step(closure).item() == 2.0
    assert a.tolist() == [0.0, 0.0] and b.tolist() == [1.0, 1.0]
    assert b not in optimizer.state and optimizer.step() is None


def _both(build):
    """Run ``build(cls)`` for GroupedSGD and torch.optim.SGD; return (ours, theirs) errors."""
    errors = []
    for cls in (GroupedSGD, torch.optim.SGD):
        with pytest.raises((TypeError, ValueError)) as info:
            build(cls)
        errors.append(info.value)
    return errors


BAD_INPUT = {
    "tensor": lambda cls: cls(torch.zeros(2, requires_grad=True)),
    "empty": lambda cls: cls([]),
    "set": lambda cls: cls([{"params": {torch.zeros(2, requires_grad=True)}}]),
    "not a tensor": lambda cls: cls([[1.0, 2.0]]),
    "non-leaf": lambda cls: cls([torch.zeros(2, requires_grad=True) * 2]),
    "two groups": lambda cls: cls([{"params": [p := torch.zeros(2)]}, {"params": [p]}]),
    "group not a dict": lambda cls: cls([torch.zeros(2)]).add_param_group([torch.zeros(2)]),
    "negative lr": lambda cls: cls([torch.zeros(2)], lr=-1.0),
    "negative momentum": lambda cls: cls([torch.zeros(2)], momentum=-0.5),
    "nesterov": lambda cls: cls([torch.zeros(2)], nesterov=True),
}


@pytest.mark.parametrize("case", BAD_INPUT)
def test_bad_input_raises_what_torch_raises(case):
    ours, theirs = _both(BAD_INPUT[case])
    assert type(ours) is type(theirs), f"{case}: {ours!r} vs {theirs!r}"
    assert str(ours) == str(theirs) or str(theirs).split(":")[0] in str(ours), case


def test_a_required_option_must_be_set_in_every_group_like_torch():
    param = torch.zeros(2, requires_grad=True)
    with pytest.raises(ValueError, match="required optimization parameter lr") as ours:
        GroupedOptimizer([param], {"lr": REQUIRED})
    with pytest.raises(ValueError) as theirs:
        torch.optim.Optimizer([param], {"lr": required})
    assert str(ours.value) == str(theirs.value)
    assert GroupedOptimizer([{"params": [param], "lr": 0.1}], {"lr": REQUIRED}).param_groups


@pytest.mark.parametrize(
    "mismatch", ["groups", "sizes"], ids=["different number of groups", "different group size"]
)
def test_load_state_dict_rejects_a_different_layout_like_torch(mismatch):
    params = [torch.zeros(2, requires_grad=True) for _ in range(3)]
    source = [{"params": params[:2]}, {"params": params[2:]}]
    if mismatch == "groups":
        target = [{"params": params}]
    else:
        target = [{"params": params[:1]}, {"params": params[1:]}]
    saved = torch.optim.SGD(source).state_dict()
    with pytest.raises(ValueError) as theirs:
        torch.optim.SGD(target).load_state_dict(saved)
    with pytest.raises(ValueError) as ours:
        GroupedSGD(target).load_state_dict(saved)
    assert str(ours.value) == str(theirs.value)


# The learning-rate range test ------------------------------------------------------------------


def _torch_schedule(start, end, steps, mode):
    """The learning rate of each step under torch's ExponentialLR or LinearLR."""
    param = torch.zeros(1, requires_grad=True)
    exponential = mode == "exponential"
    optimizer = torch.optim.SGD([param], lr=start if exponential else end)
    if exponential:
        gamma = (end / start) ** (1 / (steps - 1))
        scheduler = torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=gamma)
    else:
        scheduler = torch.optim.lr_scheduler.LinearLR(
            optimizer, start_factor=start / end, end_factor=1.0, total_iters=steps - 1
        )
    lrs = []
    for _ in range(steps):
        lrs.append(optimizer.param_groups[0]["lr"])
        optimizer.step()
        scheduler.step()
    return lrs


@pytest.mark.parametrize("mode", ["exponential", "linear"])
@pytest.mark.parametrize(("start", "end", "steps"), [(1e-5, 10.0, 100), (1e-3, 1.0, 250)])
def test_range_test_schedule_equals_torchs_scheduler_at_every_step(start, end, steps, mode):
    ours = torch.tensor(range_test_lrs(start, end, steps, mode), dtype=torch.float64)
    theirs = torch.tensor(_torch_schedule(start, end, steps, mode), dtype=torch.float64)
    torch.testing.assert_close(ours, theirs, rtol=1e-12, atol=0)
    assert ours[0].item() == start and math.isclose(ours[-1].item(), end, rel_tol=1e-12)


@given(
    start=st.floats(1e-6, 1e-2),
    ratio=st.floats(10.0, 1e6),
    steps=st.integers(2, 300),
    mode=st.sampled_from(["exponential", "linear"]),
)
def test_range_test_schedule_is_monotonic_with_the_right_ends(start, ratio, steps, mode):
    lrs = range_test_lrs(start, start * ratio, steps, mode)
    assert len(lrs) == steps and lrs[0] == start
    assert all(a < b for a, b in itertools.pairwise(lrs))
    assert math.isclose(lrs[-1], start * ratio, rel_tol=1e-9)
    differences = [b - a for a, b in itertools.pairwise(lrs)]
    ratios = [b / a for a, b in itertools.pairwise(lrs)]
    constant = differences if mode == "linear" else ratios
    assert max(constant) - min(constant) <= 1e-6 * max(constant)


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"start": 0.0}, ValueError, "start must be positive"),
        ({"start": "1"}, TypeError, "start must be a number"),
        ({"end": 1e-6}, ValueError, "end must be greater than start"),
        ({"steps": 1}, ValueError, "steps must be at least 2"),
        ({"steps": 2.5}, TypeError, "steps must be an int"),
        ({"mode": "cosine"}, ValueError, "mode must be one of"),
    ],
)
def test_range_test_schedule_rejects_bad_arguments(kwargs, error, match):
    arguments = {"start": 1e-4, "end": 1.0, "steps": 10, "mode": "exponential", **kwargs}
    with pytest.raises(error, match=match):
        range_test_lrs(**arguments)


def _network_test(steps=100, **options):
    x, y = regression_data()
    weights = initial_weights()
    optimizer = torch.optim.SGD(weights)
    used = []
    optimizer.register_step_pre_hook(lambda opt, *_: used.append(opt.param_groups[0]["lr"]))
    generator = torch.Generator().manual_seed(3)

    def loss_at(step):
        rows = torch.randint(0, len(x), (16,), generator=generator)
        return mse(weights, x[rows], y[rows])

    return lr_range_test(optimizer, loss_at, steps=steps, **options), used


def test_range_test_steps_with_its_schedule_and_stops_when_the_loss_explodes():
    result, used = _network_test(start=1e-4, end=10.0)
    assert used == result.lrs == range_test_lrs(1e-4, 10.0, 100)[: len(used)]
    assert 20 < len(result.lrs) < 100, "the loss should diverge before lr reaches 10"
    assert result.smoothed[-1] > 4 * min(result.smoothed)
    assert 0.05 < result.best_lr < 0.3 and result.suggestion() == result.best_lr / 10


def test_range_test_smooths_with_a_bias_corrected_moving_average():
    result, _ = _network_test(steps=30, start=1e-4, end=1e-2, smoothing=0.9)
    average = 0.0
    for step, (loss, smoothed) in enumerate(zip(result.losses, result.smoothed, strict=True)):
        average = 0.9 * average + 0.1 * loss
        assert math.isclose(smoothed, average / (1 - 0.9 ** (step + 1)), rel_tol=1e-12)
    assert len(result.lrs) == 30, "a slowly growing lr should run every step"


def test_range_test_stops_at_a_non_finite_loss():
    param = torch.ones(1, requires_grad=True)
    optimizer = torch.optim.SGD([param])
    result = lr_range_test(
        optimizer, lambda step: (param * 1e30) ** 2 * 1e300, start=1e-3, end=1.0, steps=10
    )
    assert len(result.lrs) == 1 and math.isinf(result.smoothed[0])
    assert isinstance(result, RangeTest)


@pytest.mark.parametrize(("kwargs", "match"), [({"smoothing": 1.0}, "smoothing"),
                                               ({"diverge": 1.0}, "diverge")])  # fmt: skip
def test_range_test_rejects_bad_options(kwargs, match):
    param = torch.ones(1, requires_grad=True)
    with pytest.raises(ValueError, match=match):
        lr_range_test(torch.optim.SGD([param]), lambda step: param.sum(), **kwargs)


# The training problem and the figures ----------------------------------------------------------


def test_loss_curve_is_deterministic_and_records_overflow_as_inf():
    first = loss_curve(torch.optim.SGD, 20, lr=0.1)
    assert first == loss_curve(torch.optim.SGD, 20, lr=0.1) and len(first) == 21
    assert first[-1] < first[0]
    diverged = loss_curve(torch.optim.SGD, 60, lr=3.0)
    assert len(diverged) == 61 and math.isinf(diverged[-1])
    minibatch = loss_curve(torch.optim.SGD, 20, batch_size=16, lr=0.1)
    assert minibatch != first and len(minibatch) == 21


@pytest.mark.parametrize("name", OPTIMIZERS)
def test_bowl_learning_rate_of_the_figure_is_the_best_of_its_grid(name):
    scores = {lr: figure.grid_score(figure.bowl_losses(name, lr)) for lr in figure.LR_GRID}
    best = min(figure.LR_GRID, key=lambda lr: (scores[lr], lr))
    assert figure.BOWL_LRS[name] == best, f"{name}: scores {scores}"


@pytest.mark.parametrize("name", [n for n in OPTIMIZERS if n != "SparseAdam"])
def test_network_learning_rate_of_the_figure_is_the_best_of_its_grid(name):
    scores = {lr: figure.grid_score(figure.network_losses(name, lr)) for lr in figure.LR_GRID}
    best = min(figure.LR_GRID, key=lambda lr: (scores[lr], lr))
    assert figure.NETWORK_LRS[name] == best, f"{name}: scores {scores}"


def test_sparse_adam_on_the_bowl_follows_adam():
    sparse, dense = figure.bowl_losses("SparseAdam", 0.1), figure.bowl_losses("Adam", 0.1)
    torch.testing.assert_close(torch.tensor(sparse), torch.tensor(dense), rtol=1e-4, atol=1e-6)


def test_learning_rate_figure_curves_show_slow_good_and_diverging_rates():
    final = {lr: loss_curve(torch.optim.SGD, figure.CURVE_STEPS, lr=lr)[-1]
             for lr in figure.CURVE_LRS}  # fmt: skip
    assert final[0.003] > final[0.03] > final[0.1]
    assert math.isinf(final[0.3])
