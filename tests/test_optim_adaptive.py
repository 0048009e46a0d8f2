"""Adagrad, RMSprop, Adadelta, Rprop and the generic diagonal preconditioner against torch.optim.

Every from-scratch optimizer runs beside its torch twin for 25 steps (``lockstep``) on float64
parameters of two shapes, with the defaults and with each option; after every step the
parameters and every state entry torch keeps must be equal.
"""

import pytest
import torch

from nnref.figures.optim import trajectory
from nnref.optim import lockstep
from nnref.optim.adadelta import Adadelta
from nnref.optim.adagrad import Adagrad
from nnref.optim.adaptive import DiagonalPreconditioner
from nnref.optim.lockstep import assert_same_state
from nnref.optim.rmsprop import RMSprop
from nnref.optim.rprop import Rprop

STEPS = 25

CASES = [
    (Adagrad, {}),
    (Adagrad, {"lr": 0.1}),
    (Adagrad, {"lr": 0.1, "lr_decay": 0.05}),
    (Adagrad, {"lr": 0.1, "weight_decay": 0.1}),
    (Adagrad, {"lr": 0.1, "initial_accumulator_value": 0.5}),
    (Adagrad, {"lr": 0.1, "eps": 1e-3}),
    (Adagrad, {"lr": 0.1, "maximize": True}),
    (Adagrad, {"lr": 0.1, "lr_decay": 0.01, "weight_decay": 0.01, "initial_accumulator_value": 1}),
    (RMSprop, {}),
    (RMSprop, {"lr": 0.001}),
    (RMSprop, {"alpha": 0.9}),
    (RMSprop, {"eps": 1e-3}),
    (RMSprop, {"weight_decay": 0.1}),
    (RMSprop, {"momentum": 0.9}),
    (RMSprop, {"centered": True}),
    (RMSprop, {"maximize": True}),
    (RMSprop, {"alpha": 0.9, "momentum": 0.5, "centered": True, "weight_decay": 0.01}),
    (RMSprop, {"momentum": 0.9, "maximize": True, "centered": True}),
    (Adadelta, {}),
    (Adadelta, {"lr": 0.5}),
    (Adadelta, {"rho": 0.95}),
    (Adadelta, {"eps": 1e-3}),
    (Adadelta, {"weight_decay": 0.1}),
    (Adadelta, {"maximize": True}),
    (Adadelta, {"lr": 0.5, "rho": 0.5, "eps": 1e-4, "weight_decay": 0.01, "maximize": True}),
    (Rprop, {}),
    (Rprop, {"lr": 0.1}),
    (Rprop, {"etas": (0.3, 1.5)}),
    (Rprop, {"step_sizes": (1e-3, 0.05)}),
    (Rprop, {"maximize": True}),
    (Rprop, {"lr": 1.0, "etas": (0.4, 2.0), "step_sizes": (0.01, 3.0), "maximize": True}),
]

TORCH = {
    Adagrad: torch.optim.Adagrad,
    RMSprop: torch.optim.RMSprop,
    Adadelta: torch.optim.Adadelta,
    Rprop: torch.optim.Rprop,
}

HYPERPARAMETERS = {
    Adagrad: ["lr", "lr_decay", "weight_decay", "initial_accumulator_value", "eps", "maximize"],
    RMSprop: ["lr", "alpha", "eps", "weight_decay", "momentum", "centered", "maximize"],
    Adadelta: ["lr", "rho", "eps", "weight_decay", "maximize"],
    Rprop: ["lr", "etas", "step_sizes", "maximize"],
}


def _case_id(case):
    cls, options = case
    return cls.__name__ + "-" + (",".join(f"{k}={v}" for k, v in options.items()) or "defaults")


def _start_params():
    """Two lists of equal float64 leaf tensors of shapes (3, 2) and (4,)."""
    torch.manual_seed(0)
    start = [torch.randn(3, 2, dtype=torch.float64), torch.randn(4, dtype=torch.float64)]
    return [[t.clone().requires_grad_() for t in start] for _ in range(2)]


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_matches_torch_after_every_step(case):
    ours_class, options = case
    params_ours, params_theirs = _start_params()
    ours = ours_class(params_ours, **options)
    theirs = TORCH[ours_class](params_theirs, **options)
    for step in lockstep(ours, theirs, steps=STEPS):
        for index, (p_ours, p_theirs) in enumerate(zip(params_ours, params_theirs, strict=True)):
            where = f"step {step}, param {index}"
            torch.testing.assert_close(p_ours, p_theirs, msg=where)
            assert_same_state(ours.state[index], theirs.state[p_theirs], where)


PRECONDITIONER_CASES = [
    ({}, torch.optim.Adagrad, {}),
    ({"lr": 0.3, "eps": 1e-6}, torch.optim.Adagrad, {"lr": 0.3, "eps": 1e-6}),
    ({"decay": 0.99, "eps": 1e-8}, torch.optim.RMSprop, {}),
    ({"lr": 0.001, "decay": 0.9, "eps": 1e-8}, torch.optim.RMSprop, {"lr": 0.001, "alpha": 0.9}),
]


@pytest.mark.parametrize(("options", "theirs_class", "theirs_options"), PRECONDITIONER_CASES)
def test_diagonal_preconditioner_is_adagrad_or_rmsprop(options, theirs_class, theirs_options):
    params_ours, params_theirs = _start_params()
    ours = DiagonalPreconditioner(params_ours, **options)
    theirs = theirs_class(params_theirs, **theirs_options)
    key = "sum" if theirs_class is torch.optim.Adagrad else "square_avg"
    for step in lockstep(ours, theirs, steps=STEPS):
        for index, (p_ours, p_theirs) in enumerate(zip(params_ours, params_theirs, strict=True)):
            torch.testing.assert_close(p_ours, p_theirs, msg=f"step {step}, param {index}")
            torch.testing.assert_close(ours.state[index]["v"], theirs.state[p_theirs][key])
    expected = ours.lr / (theirs.state[params_theirs[0]][key].sqrt() + ours.eps)
    torch.testing.assert_close(ours.effective_lr(0), expected)


@pytest.mark.parametrize("ours_class", list(TORCH), ids=lambda c: c.__name__)
def test_default_hyperparameters_are_torchs(ours_class):
    param = torch.zeros(2, requires_grad=True)
    ours, theirs = ours_class([param]), TORCH[ours_class]([param])
    for name in HYPERPARAMETERS[ours_class]:
        assert getattr(ours, name) == theirs.defaults[name], f"{ours_class.__name__}.{name}"


@pytest.mark.parametrize("ours_class", list(TORCH), ids=lambda c: c.__name__)
def test_parameters_without_gradient_are_skipped(ours_class):
    params_ours, params_theirs = _start_params()
    ours = ours_class(params_ours, lr=0.1)
    theirs = TORCH[ours_class](params_theirs, lr=0.1)
    for optimizer, params in ((ours, params_ours), (theirs, params_theirs)):
        for _ in range(3):
            optimizer.zero_grad()
            (params[0] ** 2).sum().backward()  # params[1] gets no gradient
            optimizer.step()
    torch.testing.assert_close(params_ours[0], params_theirs[0])
    assert torch.equal(params_ours[1], params_theirs[1])
    assert not torch.equal(params_ours[0], params_theirs[1])
    assert_same_state(ours.state[1], theirs.state[params_theirs[1]], "param without gradient")
    assert_same_state(ours.state[0], theirs.state[params_theirs[0]], "param with gradient")


INVALID = [
    (Adagrad, {"lr": -0.1}, ValueError, "Invalid learning rate"),
    (Adagrad, {"lr_decay": -1.0}, ValueError, "Invalid lr_decay value"),
    (Adagrad, {"weight_decay": -1.0}, ValueError, "Invalid weight_decay value"),
    (Adagrad, {"initial_accumulator_value": -1.0}, ValueError, "initial_accumulator_value"),
    (Adagrad, {"eps": -1e-10}, ValueError, "Invalid epsilon value"),
    (Adagrad, {"lr": "fast"}, TypeError, "learning rate must be a number"),
    (RMSprop, {"lr": -0.1}, ValueError, "Invalid learning rate"),
    (RMSprop, {"alpha": -0.5}, ValueError, "Invalid alpha value"),
    (RMSprop, {"eps": -1.0}, ValueError, "Invalid epsilon value"),
    (RMSprop, {"momentum": -0.9}, ValueError, "Invalid momentum value"),
    (RMSprop, {"weight_decay": -1.0}, ValueError, "Invalid weight_decay value"),
    (RMSprop, {"alpha": None}, TypeError, "alpha value must be a number"),
    (Adadelta, {"lr": -1.0}, ValueError, "Invalid learning rate"),
    (Adadelta, {"rho": 1.5}, ValueError, "Invalid rho value"),
    (Adadelta, {"rho": -0.1}, ValueError, "Invalid rho value"),
    (Adadelta, {"eps": -1.0}, ValueError, "Invalid epsilon value"),
    (Adadelta, {"weight_decay": -1.0}, ValueError, "Invalid weight_decay value"),
    (Rprop, {"lr": -1.0}, ValueError, "Invalid learning rate"),
    (Rprop, {"etas": (1.5, 1.2)}, ValueError, "Invalid eta values"),
    (Rprop, {"etas": (0.5, 0.9)}, ValueError, "Invalid eta values"),
    (Rprop, {"etas": (0.0, 1.2)}, ValueError, "Invalid eta values"),
    (Rprop, {"etas": 0.5}, TypeError, "etas must be a pair"),
    (Rprop, {"step_sizes": (1e-6, "big")}, TypeError, "step_sizes must be a pair"),
]


@pytest.mark.parametrize(
    ("ours_class", "kwargs", "error", "match"),
    INVALID,
    ids=[f"{c.__name__}-{next(iter(k))}-{e.__name__}" for c, k, e, _ in INVALID],
)
def test_invalid_arguments_raise_like_torch(ours_class, kwargs, error, match):
    param = torch.zeros(2, requires_grad=True)
    with pytest.raises(error, match=match):
        ours_class([param], **kwargs)
    if error is ValueError:
        with pytest.raises(ValueError, match=match):
            TORCH[ours_class]([param], **kwargs)


def test_diagonal_preconditioner_rejects_a_decay_of_one_or_more():
    param = torch.zeros(2, requires_grad=True)
    with pytest.raises(ValueError, match="Invalid decay value"):
        DiagonalPreconditioner([param], decay=1.0)
    with pytest.raises(ValueError, match="Invalid learning rate"):
        DiagonalPreconditioner([param], lr=-1.0)


def _first_step(optimizer_class, grad, **options):
    """The change of a zero parameter after one step of torch's optimizer on gradient ``grad``."""
    param = torch.zeros_like(grad, requires_grad=True)
    optimizer = optimizer_class([param], **options)
    param.grad = grad.clone()
    optimizer.step()
    return param.detach()


GRADIENTS = torch.tensor([1e3, 2.0, -0.5, -1e-3], dtype=torch.float64)


def test_first_steps_have_the_closed_forms_of_the_page():
    g, sign = GRADIENTS, GRADIENTS.sign()
    # Adagrad: -lr * g / (|g| + eps), about -lr * sign(g)
    adagrad = _first_step(torch.optim.Adagrad, g, lr=0.1)
    torch.testing.assert_close(adagrad, -0.1 * g / (g.abs() + 1e-10))
    torch.testing.assert_close(adagrad, -0.1 * sign, rtol=1e-3, atol=0)
    # RMSprop: -lr * g / (sqrt(1 - alpha) |g| + eps), about -10 lr * sign(g) for alpha = 0.99
    rmsprop = _first_step(torch.optim.RMSprop, g, lr=0.01)
    torch.testing.assert_close(rmsprop, -0.01 * g / ((0.01**0.5) * g.abs() + 1e-8))
    torch.testing.assert_close(rmsprop, -0.1 * sign, rtol=1e-3, atol=0)
    # Adadelta: -lr * sqrt(eps) g / sqrt((1 - rho) g^2 + eps), about -sqrt(eps / (1 - rho))
    adadelta = _first_step(torch.optim.Adadelta, g)
    torch.testing.assert_close(adadelta, -(1e-6**0.5) * g / (0.1 * g**2 + 1e-6).sqrt())
    torch.testing.assert_close(adadelta[:3], -((1e-6 / 0.1) ** 0.5) * sign[:3], rtol=1e-3, atol=0)
    # Rprop: -lr * sign(g), whatever the magnitude
    torch.testing.assert_close(_first_step(torch.optim.Rprop, g, lr=0.3), -0.3 * sign)
    # SGD, for contrast: proportional to g
    torch.testing.assert_close(_first_step(torch.optim.SGD, g, lr=0.1), -0.1 * g)


def _scripted_loss(gradients):
    """A loss whose gradient at step t is ``gradients[t]`` (a linear function of the params)."""

    def loss(params, step):
        return sum((torch.as_tensor(gradients[step], dtype=p.dtype) * p).sum() for p in params)

    return loss


def test_rprop_after_a_sign_change_does_not_move_and_forgets_the_gradient():
    gradients = [[1.0, 1.0], [1.0, -1.0], [1.0, -1.0], [1.0, 1.0]]
    params_ours, params_theirs = (
        [torch.zeros(2, dtype=torch.float64, requires_grad=True)] for _ in range(2)
    )
    ours, theirs = Rprop(params_ours, lr=0.1), torch.optim.Rprop(params_theirs, lr=0.1)
    positions = []
    for step in lockstep(ours, theirs, steps=4, loss=_scripted_loss(gradients)):
        torch.testing.assert_close(params_ours[0], params_theirs[0])
        assert_same_state(ours.state[0], theirs.state[params_theirs[0]], f"step {step}")
        positions.append(params_ours[0].detach().clone())
    # First coordinate: the sign never changes, every step is 1.2 times the one before.
    assert [round(p[0].item(), 6) for p in positions] == [-0.1, -0.22, -0.364, -0.5368]
    # Second coordinate: a step of 0.1; the sign flips: no move, step size halved, prev = 0;
    # with prev = 0 a plain step of 0.05 in the new direction; a flip again: no move.
    assert [round(p[1].item(), 6) for p in positions] == [-0.1, -0.1, -0.05, -0.05]
    torch.testing.assert_close(
        ours.state[0]["step_size"], torch.tensor([0.1728, 0.025], dtype=torch.float64)
    )
    torch.testing.assert_close(ours.state[0]["prev"], torch.tensor([1.0, 0.0], dtype=torch.float64))


def test_rprop_takes_the_learning_rate_once():
    param = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    optimizer = Rprop([param], lr=0.1)
    for _ in range(3):
        param.grad = torch.ones_like(param)
        optimizer.step()
        optimizer.lr = 1e-6  # ignored from now on, as torch ignores param_groups[0]["lr"]
    torch.testing.assert_close(param, torch.tensor([-(0.1 + 0.12 + 0.144)], dtype=torch.float64))


@pytest.mark.filterwarnings("ignore:Sparse invariant checks")
def test_adagrad_on_a_sparse_embedding_gradient_matches_torch():
    torch.manual_seed(0)
    ours_layer = torch.nn.Embedding(10, 3, sparse=True).double()
    theirs_layer = torch.nn.Embedding(10, 3, sparse=True).double()
    theirs_layer.load_state_dict(ours_layer.state_dict())
    ours = Adagrad(ours_layer.parameters(), lr=0.5)
    theirs = torch.optim.Adagrad(theirs_layer.parameters(), lr=0.5)
    for step in range(5):
        tokens = torch.randint(0, 4, (6,))  # rows 4..9 never get a gradient
        for layer, optimizer in ((ours_layer, ours), (theirs_layer, theirs)):
            optimizer.zero_grad()
            layer(tokens).pow(2).sum().backward()
            assert layer.weight.grad.is_sparse
            optimizer.step()
        torch.testing.assert_close(ours_layer.weight, theirs_layer.weight, msg=f"step {step}")
    torch.testing.assert_close(ours.state[0]["sum"], theirs.state[theirs_layer.weight]["sum"])
    with pytest.raises(RuntimeError, match="weight_decay"):
        ours_with_decay = Adagrad(ours_layer.parameters(), weight_decay=0.1)
        ours_layer(torch.tensor([1])).sum().backward()
        ours_with_decay.step()


@pytest.mark.parametrize(
    "ours_class", [Adagrad, RMSprop, Adadelta, Rprop], ids=lambda c: c.__name__
)
def test_lockstep_detects_different_hyperparameters(ours_class):
    """The comparison can fail: a different learning rate is caught at the first step."""
    params_ours, params_theirs = _start_params()
    ours = ours_class(params_ours, lr=0.05)
    theirs = TORCH[ours_class](params_theirs, lr=0.07)
    next(lockstep(ours, theirs, steps=1))
    with pytest.raises(AssertionError):
        torch.testing.assert_close(params_ours[0], params_theirs[0])


def test_adadelta_eps_times_100_walks_like_lr_times_10():
    """The Adadelta page's claim: scaling eps by k**2 is nearly scaling lr by k (here k = 10)."""
    larger_eps = trajectory(torch.optim.Adadelta, steps=200, eps=1e-4)
    larger_lr = trajectory(torch.optim.Adadelta, steps=200, lr=10.0)
    default = trajectory(torch.optim.Adadelta, steps=200)
    assert (larger_eps - larger_lr).abs().max() < 0.01
    assert (larger_eps - default).abs().max() > 1.0


def test_rmsprop_starts_like_adagrad_with_a_ten_times_larger_learning_rate():
    """The adaptive-methods page's claim: with alpha = 0.99, (1 - alpha) * sum ~ moving average."""
    adagrad = trajectory(torch.optim.Adagrad, steps=10, lr=0.5)
    rmsprop = trajectory(torch.optim.RMSprop, steps=10, lr=0.05)
    assert (adagrad - rmsprop).abs().max() < 0.02
    assert (trajectory(torch.optim.RMSprop, steps=10, lr=0.5) - adagrad).abs().max() > 1.0
