"""NAdam, RAdam, SparseAdam and Adafactor from nnref.optim against torch.optim, step by step."""

import pytest
import torch
import torch.nn.functional as F

from nnref.figures.optim import START, trajectory
from nnref.figures.optim_adam_variants import lookup_trajectory
from nnref.optim import lockstep
from nnref.optim.adafactor import Adafactor
from nnref.optim.lockstep import assert_same_state, minibatch_loss
from nnref.optim.nadam import NAdam, momentum_schedule
from nnref.optim.radam import RAdam, rectification, rho
from nnref.optim.sparse_adam import SparseAdam

STEPS = 25
SHAPES = [(3, 2), (4,)]


def _ids(options: dict) -> str:
    return ",".join(f"{key}={value}" for key, value in options.items()) or "defaults"


def _run_lockstep(ours_class, theirs_class, options, shapes=SHAPES, dtype=torch.float64):
    torch.manual_seed(0)
    start = [torch.randn(shape, dtype=dtype) for shape in shapes]
    ours = [t.clone().requires_grad_() for t in start]
    theirs = [t.clone().requires_grad_() for t in start]
    optimizer_ours = ours_class(ours, **options)
    optimizer_theirs = theirs_class(theirs, **options)
    for step in lockstep(optimizer_ours, optimizer_theirs, steps=STEPS):
        for index, (p_ours, p_theirs) in enumerate(zip(ours, theirs, strict=True)):
            where = f"step {step}, param {index}"
            torch.testing.assert_close(p_ours, p_theirs, msg=where)
            assert_same_state(optimizer_ours.state[index], optimizer_theirs.state[p_theirs], where)
    # every run must actually move the parameters
    assert any(not torch.equal(p, s) for p, s in zip(theirs, start, strict=True))


# ---------------------------------------------------------------- NAdam

NADAM_OPTIONS = [
    {},
    {"lr": 0.05},
    {"lr": 0.05, "betas": (0.8, 0.99)},
    {"lr": 0.05, "eps": 1e-3},
    {"lr": 0.05, "weight_decay": 0.1},
    {"lr": 0.05, "weight_decay": 0.1, "decoupled_weight_decay": True},
    {"lr": 0.05, "momentum_decay": 0.5},
    {"lr": 0.05, "momentum_decay": 0.0},
    {"lr": 0.05, "maximize": True},
    {"lr": 0.05, "maximize": True, "weight_decay": 0.01, "momentum_decay": 1.0},
]


@pytest.mark.parametrize("options", NADAM_OPTIONS, ids=_ids)
def test_nadam_matches_torch_for_every_step(options):
    _run_lockstep(NAdam, torch.optim.NAdam, options)


def test_nadam_keeps_its_scalar_state_in_torchs_dtype():
    ours, theirs = torch.ones(2, requires_grad=True), torch.ones(2, requires_grad=True)
    optimizers = NAdam([ours]), torch.optim.NAdam([theirs])
    for param, optimizer in zip((ours, theirs), optimizers, strict=True):
        param.grad = torch.ones(2)
        optimizer.step()
    ours_state, theirs_state = optimizers[0].state[0], optimizers[1].state[theirs]
    for key in ("step", "mu_product"):
        assert ours_state[key].dtype == theirs_state[key].dtype == torch.float32
    assert float(theirs_state["mu_product"]) == pytest.approx(momentum_schedule(1), rel=1e-6)


def test_nadam_momentum_schedule_is_torchs():
    """mu_t read from torch's mu_product, by setting the step counter, equals the formula."""
    param = torch.zeros(1, requires_grad=True)
    optimizer = torch.optim.NAdam([param], betas=(0.8, 0.999), momentum_decay=0.01)
    param.grad = torch.ones(1)
    optimizer.step()
    state = optimizer.state[param]
    for t in (1, 50, 5000):
        state["step"].fill_(t - 1)
        state["mu_product"].fill_(1.0)
        optimizer.step()
        expected = momentum_schedule(t, beta1=0.8, momentum_decay=0.01)
        assert float(state["mu_product"]) == pytest.approx(expected, rel=1e-6)


# ---------------------------------------------------------------- RAdam

RADAM_OPTIONS = [
    {},
    {"lr": 0.05},
    {"lr": 0.05, "betas": (0.8, 0.9)},
    {"lr": 0.05, "betas": (0.9, 0.5)},  # rho_inf = 3: never rectified
    {"lr": 0.05, "eps": 1e-2},
    {"lr": 0.05, "weight_decay": 0.1},
    {"lr": 0.05, "weight_decay": 0.1, "decoupled_weight_decay": True},
    {"lr": 0.05, "maximize": True},
    {"lr": 0.05, "maximize": True, "weight_decay": 0.01, "betas": (0.5, 0.99)},
]


@pytest.mark.parametrize("options", RADAM_OPTIONS, ids=_ids)
def test_radam_matches_torch_for_every_step(options):
    _run_lockstep(RAdam, torch.optim.RAdam, options)


def test_radam_switches_to_rectified_steps_after_step_five():
    assert [rectification(t) is None for t in range(1, 8)] == [True] * 5 + [False] * 2
    assert rho(1) == pytest.approx(1.0)
    assert rectification(6) == pytest.approx(0.0258, abs=1e-4)
    assert rectification(10**5) == pytest.approx(1.0, abs=1e-6)
    # with beta2 = 0.6, rho_inf = 4 and the adaptive step never starts
    assert all(rectification(t, beta2=0.6) is None for t in range(1, 1000))


def test_radam_first_steps_are_momentum_steps_whatever_the_gradient_scale():
    moves = []
    for scale in (1.0, 1000.0):
        param = torch.zeros(1, dtype=torch.float64, requires_grad=True)
        optimizer = torch.optim.RAdam([param], lr=0.01)
        param.grad = torch.full((1,), 2.0 * scale, dtype=torch.float64)
        optimizer.step()
        moves.append(-param.item())
    assert moves == pytest.approx([0.02, 20.0])


# ---------------------------------------------------------------- SparseAdam

SPARSE_OPTIONS = [
    {},
    {"lr": 0.1},
    {"lr": 0.1, "betas": (0.8, 0.9)},
    {"lr": 0.1, "eps": 1e-2},
    {"lr": 0.1, "maximize": True},
]


def _sparse_lockstep(options, batches=None):
    """Both optimizers on the same embedding-lookup losses; yields (step, ours, theirs)."""
    torch.manual_seed(0)
    start = torch.randn(10, 3, dtype=torch.float64)
    ours, theirs = start.clone().requires_grad_(), start.clone().requires_grad_()
    optimizers = SparseAdam([ours], **options), torch.optim.SparseAdam([theirs], **options)
    generator = torch.Generator().manual_seed(1)
    for step in range(STEPS):
        rows = torch.randint(0, 10, (5,), generator=generator) if batches is None else batches[step]
        target = torch.randn(len(rows), 3, generator=generator, dtype=torch.float64)
        for table, optimizer in zip((ours, theirs), optimizers, strict=True):
            optimizer.zero_grad()
            looked_up = F.embedding(rows, table, sparse=True)
            (((looked_up - target) ** 2).sum() + 0.1 * torch.sin(looked_up).sum()).backward()
            optimizer.step()
        yield step, (ours, optimizers[0].state[0]), (theirs, optimizers[1].state[theirs])


@pytest.mark.parametrize("options", SPARSE_OPTIONS, ids=_ids)
def test_sparse_adam_matches_torch_for_every_step(options):
    for step, (ours, ours_state), (theirs, theirs_state) in _sparse_lockstep(options):
        assert theirs.grad.is_sparse
        torch.testing.assert_close(ours, theirs, msg=f"step {step}")
        assert_same_state(ours_state, theirs_state, f"step {step}")
        assert ours_state["step"] == theirs_state["step"] == step + 1


def test_sparse_adam_updates_only_the_rows_looked_up():
    batches = [torch.tensor([0, 2, 2])] * 3 + [torch.tensor([1])] * (STEPS - 3)
    previous = None
    for step, (ours, ours_state), (theirs, _) in _sparse_lockstep({"lr": 0.1}, batches):
        torch.testing.assert_close(ours, theirs)
        current = ours.detach().clone(), ours_state["exp_avg"].clone()
        if previous is not None:
            changed = (current[0] != previous[0]).any(1)
            moment_changed = (current[1] != previous[1]).any(1)
            expected = torch.zeros(10, dtype=torch.bool)
            expected[batches[step].unique()] = True
            assert changed.tolist() == expected.tolist(), f"step {step}"
            assert moment_changed.tolist() == expected.tolist(), f"step {step}"
        previous = current
    assert (ours_state["exp_avg"][3:] == 0).all()


def test_sparse_adam_counts_a_step_without_rows_and_changes_nothing():
    table = torch.ones(4, 2, dtype=torch.float64, requires_grad=True)
    twin = table.detach().clone().requires_grad_()
    ours, theirs = SparseAdam([table]), torch.optim.SparseAdam([twin])
    for param, optimizer in ((table, ours), (twin, theirs)):
        F.embedding(torch.tensor([1]), param, sparse=True).sum().backward()
        optimizer.step()
        param.grad = torch.sparse_coo_tensor(
            torch.zeros(1, 0, dtype=torch.long),
            torch.zeros(0, 2, dtype=torch.float64),
            (4, 2),
            check_invariants=True,
        )
        optimizer.step()
    assert ours.state[0]["step"] == theirs.state[twin]["step"] == 2
    torch.testing.assert_close(table, twin)


def test_sparse_adam_refuses_dense_gradients_like_torch():
    for optimizer_class in (SparseAdam, torch.optim.SparseAdam):
        param = torch.ones(3, 2, requires_grad=True)
        optimizer = optimizer_class([param])
        param.sum().backward()
        with pytest.raises(RuntimeError, match="does not support dense gradients"):
            optimizer.step()


@pytest.mark.parametrize(
    ("ours_class", "theirs_class"),
    [(NAdam, torch.optim.NAdam), (RAdam, torch.optim.RAdam), (Adafactor, torch.optim.Adafactor)],
)
def test_dense_optimizers_refuse_sparse_gradients_like_torch(ours_class, theirs_class):
    for optimizer_class in (ours_class, theirs_class):
        table = torch.ones(3, 2, requires_grad=True)
        F.embedding(torch.tensor([0]), table, sparse=True).sum().backward()
        with pytest.raises(RuntimeError, match="does not support sparse gradients"):
            optimizer_class([table]).step()


def test_sparse_adam_figure_moves_only_the_rows_looked_up():
    sparse = lookup_trajectory(torch.optim.SparseAdam, True, steps=30, lr=0.3)
    dense = lookup_trajectory(torch.optim.Adam, False, steps=30, lr=0.3)
    frozen = ((sparse[1:] - sparse[:-1]) == 0).any(1)  # one coordinate unchanged
    assert frozen.sum() > 5
    assert ((dense[1:] - dense[:-1]) != 0).all(), "Adam keeps moving both coordinates"
    torch.testing.assert_close(sparse[0], torch.tensor(START))


# ---------------------------------------------------------------- Adafactor

ADAFACTOR_SHAPES = [(3, 2), (4,), (2, 3, 4), (1, 5)]
ADAFACTOR_OPTIONS = [
    {},
    {"lr": 0.1},
    {"lr": 1.0},
    {"lr": 0.1, "beta2_decay": -0.5},
    {"lr": 0.1, "eps": (1e-3, 1e-3)},
    {"lr": 0.1, "eps": (None, 0.5)},
    {"lr": 0.1, "eps": (3.0, 1e-3)},  # eps1 large enough that both of its clamps act
    {"lr": 0.1, "d": 1.5},
    {"lr": 0.1, "weight_decay": 0.1},
    {"lr": 0.1, "maximize": True},
    {"lr": 0.3, "maximize": True, "weight_decay": 0.01, "d": 2.0, "eps": (1e-5, 1e-2)},
]


@pytest.mark.parametrize("options", ADAFACTOR_OPTIONS, ids=_ids)
def test_adafactor_matches_torch_for_every_step(options):
    _run_lockstep(Adafactor, torch.optim.Adafactor, options, shapes=ADAFACTOR_SHAPES)


def test_adafactor_matches_torch_when_eps1_bounds_the_row_mean():
    """Gradients of size ~1e-4: mean(R) < eps1 = 1e-6, so torch clamps the denominator of V."""

    def tiny_loss(params, step):
        return 1e-4 * minibatch_loss(params, step)

    torch.manual_seed(0)
    start = [torch.randn(shape, dtype=torch.float64) for shape in ADAFACTOR_SHAPES]
    ours = [t.clone().requires_grad_() for t in start]
    theirs = [t.clone().requires_grad_() for t in start]
    options = {"lr": 0.1, "eps": (1e-6, 1e-3)}
    optimizer_ours = Adafactor(ours, **options)
    optimizer_theirs = torch.optim.Adafactor(theirs, **options)
    for step in lockstep(optimizer_ours, optimizer_theirs, steps=STEPS, loss=tiny_loss):
        for index, (p_ours, p_theirs) in enumerate(zip(ours, theirs, strict=True)):
            where = f"step {step}, param {index}"
            torch.testing.assert_close(p_ours, p_theirs, msg=where)
            assert_same_state(optimizer_ours.state[index], optimizer_theirs.state[p_theirs], where)
    assert float(optimizer_theirs.state[theirs[0]]["row_var"].mean()) < 1e-6


def test_adafactor_matches_torch_in_float32_with_its_own_eps1():
    _run_lockstep(Adafactor, torch.optim.Adafactor, {"lr": 0.1}, dtype=torch.float32)


def test_adafactor_state_shapes_are_torchs():
    torch.manual_seed(0)
    ours, theirs = torch.randn(2, 3, 4, requires_grad=True), torch.randn(5, requires_grad=True)
    optimizer = Adafactor([ours, theirs])
    (ours.sum() + theirs.sum()).backward()
    optimizer.step()
    assert optimizer.state[0]["row_var"].shape == (2, 3, 1)
    assert optimizer.state[0]["col_var"].shape == (2, 1, 4)
    assert optimizer.state[1]["variance"].shape == (5,)


def test_adafactor_factoring_a_single_row_or_column_is_exact():
    """The figure's claim: a (1, 2) or (2, 1) parameter follows the 1-D path on the bowl."""

    def path(shape):
        w = torch.tensor(START, dtype=torch.float64).reshape(shape).requires_grad_()
        optimizer = torch.optim.Adafactor([w], lr=0.1)
        points = []
        for _ in range(40):
            optimizer.zero_grad()
            flat = w.reshape(2)
            (0.1 * flat[0] ** 2 + 2 * flat[1] ** 2).backward()
            optimizer.step()
            points.append(w.detach().reshape(2).clone())
        return torch.stack(points)

    vector = path((2,))
    torch.testing.assert_close(path((1, 2)), vector)
    torch.testing.assert_close(path((2, 1)), vector)
    torch.testing.assert_close(vector[-1].float(), trajectory(torch.optim.Adafactor, lr=0.1)[-1])


def test_adafactor_first_step_is_lr_times_rms_of_the_parameter():
    param = torch.tensor([3.0, -4.0], dtype=torch.float64, requires_grad=True)
    optimizer = Adafactor([param])
    param.grad = torch.tensor([0.5, 2.0], dtype=torch.float64)
    optimizer.step()
    rms = (12.5) ** 0.5
    torch.testing.assert_close(param.detach(), torch.tensor([3.0, -4.0]).double() - 0.01 * rms)


# ---------------------------------------------------------------- common behaviour

DEFAULTS = [
    (NAdam, torch.optim.NAdam, ("lr", "eps", "weight_decay", "momentum_decay")),
    (RAdam, torch.optim.RAdam, ("lr", "eps", "weight_decay")),
    (SparseAdam, torch.optim.SparseAdam, ("lr", "eps")),
    (Adafactor, torch.optim.Adafactor, ("lr", "beta2_decay", "d", "weight_decay")),
]


@pytest.mark.parametrize(("ours_class", "theirs_class", "names"), DEFAULTS)
def test_default_hyperparameters_are_torchs(ours_class, theirs_class, names):
    param = torch.zeros(2, requires_grad=True)
    ours, defaults = ours_class([param]), theirs_class([param]).defaults
    for name in names:
        assert getattr(ours, name) == defaults[name], name
    if "betas" in defaults:
        assert (ours.beta1, ours.beta2) == defaults["betas"]
    if "eps" in defaults and isinstance(defaults["eps"], tuple):
        assert (ours.eps1, ours.eps2) == defaults["eps"]
    for flag in ("maximize", "decoupled_weight_decay"):
        if flag in defaults:
            assert getattr(ours, flag) == defaults[flag], flag


@pytest.mark.parametrize("optimizer_class", [NAdam, RAdam, Adafactor])
def test_parameters_without_gradient_are_skipped(optimizer_class):
    a, b = torch.ones(2, requires_grad=True), torch.ones(2, requires_grad=True)
    optimizer = optimizer_class([a, b], lr=0.1)
    (a * 2).sum().backward()
    optimizer.step()
    assert not torch.equal(a, torch.ones(2))
    assert torch.equal(b, torch.ones(2)) and optimizer.state[1] == {}


def test_sparse_adam_skips_parameters_without_gradient():
    a, b = torch.ones(3, 2, requires_grad=True), torch.ones(3, 2, requires_grad=True)
    optimizer = SparseAdam([a, b], lr=0.1)
    F.embedding(torch.tensor([0]), a, sparse=True).sum().backward()
    optimizer.step()
    assert not torch.equal(a, torch.ones(3, 2))
    assert torch.equal(b, torch.ones(3, 2)) and optimizer.state[1] == {}


INVALID = [
    (NAdam, torch.optim.NAdam, {"lr": -1.0}, "Invalid learning rate"),
    (NAdam, torch.optim.NAdam, {"eps": -1.0}, "Invalid epsilon value"),
    (NAdam, torch.optim.NAdam, {"betas": (1.0, 0.9)}, "Invalid beta parameter at index 0"),
    (NAdam, torch.optim.NAdam, {"betas": (0.9, -0.1)}, "Invalid beta parameter at index 1"),
    (NAdam, torch.optim.NAdam, {"weight_decay": -1.0}, "Invalid weight_decay value"),
    (NAdam, torch.optim.NAdam, {"momentum_decay": -1.0}, "Invalid momentum_decay value"),
    (RAdam, torch.optim.RAdam, {"lr": -1.0}, "Invalid learning rate"),
    (RAdam, torch.optim.RAdam, {"eps": -1.0}, "Invalid epsilon value"),
    (RAdam, torch.optim.RAdam, {"betas": (0.9, 1.0)}, "Invalid beta parameter at index 1"),
    (RAdam, torch.optim.RAdam, {"weight_decay": -1.0}, "Invalid weight_decay value"),
    (SparseAdam, torch.optim.SparseAdam, {"lr": 0.0}, "Invalid learning rate"),
    (SparseAdam, torch.optim.SparseAdam, {"eps": 0.0}, "Invalid epsilon value"),
    (SparseAdam, torch.optim.SparseAdam, {"betas": (-0.1, 0.9)}, "index 0"),
    (Adafactor, torch.optim.Adafactor, {"lr": -1.0}, "Learning rate should be >= 0"),
    (Adafactor, torch.optim.Adafactor, {"beta2_decay": 0.5}, "beta2_decay should be <= 0"),
    (Adafactor, torch.optim.Adafactor, {"eps": (-1.0, 1e-3)}, "epsilon1 should be >= 0"),
    (Adafactor, torch.optim.Adafactor, {"eps": (None, -1.0)}, "epsilon2 should be >= 0"),
    (Adafactor, torch.optim.Adafactor, {"d": 0.5}, "Clipping threshold d should be >= 1"),
    (Adafactor, torch.optim.Adafactor, {"weight_decay": -1.0}, "weight_decay should be >= 0"),
]


@pytest.mark.parametrize(
    ("ours_class", "theirs_class", "kwargs", "match"),
    INVALID,
    ids=[f"{o.__name__}-{next(iter(k))}-{i}" for i, (o, _, k, _) in enumerate(INVALID)],
)
def test_invalid_arguments_raise_like_torch(ours_class, theirs_class, kwargs, match):
    param = torch.zeros(2, requires_grad=True)
    with pytest.raises(ValueError, match=match):
        ours_class([param], **kwargs)
    with pytest.raises(ValueError, match=match):
        theirs_class([param], **kwargs)


@pytest.mark.parametrize("optimizer_class", [NAdam, RAdam, SparseAdam, Adafactor])
def test_wrong_argument_types_raise_type_error(optimizer_class):
    param = torch.zeros(2, requires_grad=True)
    with pytest.raises(TypeError, match="must be a number"):
        optimizer_class([param], lr="fast")
    with pytest.raises(TypeError, match="iterable of tensors"):
        optimizer_class(param)
