"""nnref's Adam, AdamW, Adamax and weight-decay helpers against torch.optim, step by step."""

import pytest
import torch
from torch import nn

from nnref.optim import lockstep, minibatch_loss
from nnref.optim.adam import Adam
from nnref.optim.adamax import Adamax
from nnref.optim.adamw import AdamW, decay_groups, decay_weights_, l2_penalty
from nnref.optim.lockstep import assert_same_state

STEPS = 25

ADAM_OPTIONS = [
    {},
    {"lr": 0.05},
    {"lr": 0.05, "betas": (0.5, 0.9)},
    {"lr": 0.05, "betas": (0.0, 0.99)},
    {"lr": 0.05, "eps": 0.1},
    {"lr": 0.05, "weight_decay": 0.1},
    {"lr": 0.05, "amsgrad": True},
    {"lr": 0.05, "maximize": True},
    {"lr": 0.05, "weight_decay": 0.1, "decoupled_weight_decay": True},
    {"lr": 0.05, "weight_decay": 0.3, "amsgrad": True, "betas": (0.8, 0.95)},
    {"lr": 0.05, "weight_decay": 0.3, "decoupled_weight_decay": True, "maximize": True},
]
ADAMW_OPTIONS = [
    {},
    {"lr": 0.05},
    {"lr": 0.05, "weight_decay": 0.0},
    {"lr": 0.05, "weight_decay": 0.5},
    {"lr": 0.05, "betas": (0.5, 0.9), "eps": 0.1},
    {"lr": 0.05, "amsgrad": True},
    {"lr": 0.05, "maximize": True},
    {"lr": 0.05, "weight_decay": 0.3, "amsgrad": True, "maximize": True},
]
ADAMAX_OPTIONS = [
    {},
    {"lr": 0.05},
    {"lr": 0.05, "betas": (0.5, 0.9)},
    {"lr": 0.05, "betas": (0.0, 0.5)},
    {"lr": 0.05, "eps": 0.5},
    {"lr": 0.05, "weight_decay": 0.1},
    {"lr": 0.05, "maximize": True},
    {"lr": 0.05, "weight_decay": 0.3, "maximize": True, "betas": (0.8, 0.95)},
]
CASES = (
    [(Adam, torch.optim.Adam, o) for o in ADAM_OPTIONS]
    + [(AdamW, torch.optim.AdamW, o) for o in ADAMW_OPTIONS]
    + [(Adamax, torch.optim.Adamax, o) for o in ADAMAX_OPTIONS]
)


def _case_id(case) -> str:
    ours, _, options = case
    described = ",".join(f"{k}={v}" for k, v in options.items()) or "defaults"
    return f"{ours.__name__}-{described}"


def _start() -> list[torch.Tensor]:
    torch.manual_seed(0)
    return [torch.randn(3, 2, dtype=torch.float64), torch.randn(4, dtype=torch.float64)]


@pytest.mark.parametrize("case", CASES, ids=[_case_id(c) for c in CASES])
def test_matches_torch_after_every_step(case):
    ours_class, torch_class, options = case
    start = _start()
    ours = [t.clone().requires_grad_() for t in start]
    theirs = [t.clone().requires_grad_() for t in start]
    optimizer_ours = ours_class(ours, **options)
    optimizer_theirs = torch_class(theirs, **options)

    for step in lockstep(optimizer_ours, optimizer_theirs, steps=STEPS):
        for index, (p_ours, p_theirs) in enumerate(zip(ours, theirs, strict=True)):
            where = f"step {step}, param {index}"
            torch.testing.assert_close(p_ours, p_theirs, msg=where)
            state_theirs = optimizer_theirs.state[p_theirs]
            assert_same_state(optimizer_ours.state[index], state_theirs, where)
            assert float(state_theirs["step"]) == step + 1


@pytest.mark.parametrize(
    ("ours_class", "torch_class", "keys"),
    [
        (Adam, torch.optim.Adam, ("lr", "betas", "eps", "weight_decay", "amsgrad", "maximize")),
        (AdamW, torch.optim.AdamW, ("lr", "betas", "eps", "weight_decay", "amsgrad", "maximize")),
        (Adamax, torch.optim.Adamax, ("lr", "betas", "eps", "weight_decay", "maximize")),
    ],
)
def test_default_hyperparameters_are_torchs(ours_class, torch_class, keys):
    param = torch.zeros(2, requires_grad=True)
    ours, theirs = ours_class([param]), torch_class([param]).defaults
    for key in keys:
        assert getattr(ours, key) == theirs[key], key
    if ours_class is not Adamax:
        assert ours.decoupled_weight_decay == theirs["decoupled_weight_decay"]
    assert (AdamW([param]).weight_decay, Adam([param]).weight_decay) == (0.01, 0.0)
    assert (Adam([param]).lr, Adamax([param]).lr) == (1e-3, 2e-3)


def test_adam_with_decoupled_weight_decay_is_adamw():
    start = _start()
    ours = [t.clone().requires_grad_() for t in start]
    theirs = [t.clone().requires_grad_() for t in start]
    options = {"lr": 0.05, "weight_decay": 0.2}
    adam = torch.optim.Adam(ours, decoupled_weight_decay=True, **options)
    adamw = torch.optim.AdamW(theirs, **options)
    for step in range(STEPS):
        for optimizer, params in ((adam, ours), (adamw, theirs)):
            optimizer.zero_grad()
            minibatch_loss(params, step).backward()
            optimizer.step()
        assert all(torch.equal(a, b) for a, b in zip(ours, theirs, strict=True)), step
    assert adamw.defaults["decoupled_weight_decay"] and isinstance(adamw, torch.optim.Adam)


def test_adam_weight_decay_is_not_adamw():
    start = _start()
    ours = [t.clone().requires_grad_() for t in start]
    theirs = [t.clone().requires_grad_() for t in start]
    options = {"lr": 0.05, "weight_decay": 0.2}
    differences = [
        (ours[0] - theirs[0]).abs().max().item()
        for _ in lockstep(Adam(ours, **options), torch.optim.AdamW(theirs, **options))
    ]
    assert differences[-1] > 1e-3


@pytest.mark.parametrize("ours_class", [Adam, AdamW, Adamax])
def test_parameters_without_gradient_are_skipped(ours_class):
    a = torch.ones(2, requires_grad=True)
    b = torch.ones(2, requires_grad=True)
    optimizer = ours_class([a, b], lr=0.1, weight_decay=0.5)
    (3 * a).sum().backward()
    optimizer.step()
    assert a.tolist() != [1.0, 1.0]
    assert b.tolist() == [1.0, 1.0] and optimizer.state[1] == {}
    assert optimizer.state[0]["step"] == 1


@pytest.mark.parametrize("ours_class", [Adam, AdamW, Adamax])
def test_first_step_moves_every_coordinate_by_about_lr(ours_class):
    # Bias correction: m_hat = g and v_hat = g^2 (u = |g| + eps) at t = 1, so the step is
    # lr * g / (|g| + eps), whatever the scale of g.
    param = torch.zeros(3, dtype=torch.float64, requires_grad=True)
    optimizer = ours_class([param], lr=0.01, weight_decay=0.0)
    param.grad = torch.tensor([1e-3, 1.0, 1e3], dtype=torch.float64)
    optimizer.step()
    torch.testing.assert_close(param, torch.full_like(param, -0.01), rtol=1e-5, atol=0)


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"lr": -0.1}, ValueError, "Invalid learning rate"),
        ({"eps": -1e-8}, ValueError, "Invalid epsilon value"),
        ({"betas": (1.0, 0.999)}, ValueError, "Invalid beta parameter at index 0"),
        ({"betas": (-0.1, 0.999)}, ValueError, "Invalid beta parameter at index 0"),
        ({"betas": (0.9, 1.0)}, ValueError, "Invalid beta parameter at index 1"),
        ({"weight_decay": -0.01}, ValueError, "Invalid weight_decay value"),
        ({"lr": "fast"}, TypeError, "must be a number"),
    ],
)
@pytest.mark.parametrize(
    ("ours_class", "torch_class"),
    [(Adam, torch.optim.Adam), (AdamW, torch.optim.AdamW), (Adamax, torch.optim.Adamax)],
)
def test_invalid_arguments_raise_like_torch(ours_class, torch_class, kwargs, error, match):
    param = torch.zeros(2, requires_grad=True)
    with pytest.raises(error, match=match):
        ours_class([param], **kwargs)
    with pytest.raises(error):
        torch_class([param], **kwargs)


@pytest.mark.parametrize(
    ("ours_class", "torch_class"), [(Adam, torch.optim.Adam), (AdamW, torch.optim.AdamW)]
)
def test_integer_betas_raise_in_adam_but_not_in_adamax(ours_class, torch_class):
    param = torch.zeros(2, requires_grad=True)
    match = "betas must be either both floats or both Tensors"
    with pytest.raises(ValueError, match=match):
        ours_class([param], betas=(0, 0.999))
    with pytest.raises(ValueError, match=match):
        torch_class([param], betas=(0, 0.999))
    assert (
        Adamax([param], betas=(0, 0.999)).betas
        == torch.optim.Adamax([param], betas=(0, 0.999)).defaults["betas"]
    )


def test_betas_must_be_a_pair_of_numbers():
    param = torch.zeros(2, requires_grad=True)
    with pytest.raises(TypeError, match="betas must be a pair"):
        Adam([param], betas=(0.9,))
    with pytest.raises(TypeError, match=r"betas\[1\] must be a number"):
        Adamax([param], betas=(0.9, "slow"))


# Weight decay: the L2 penalty and the decoupled decay, each against torch.


def _two_models() -> tuple[nn.Module, nn.Module]:
    torch.manual_seed(0)
    first = nn.Sequential(nn.Linear(4, 5), nn.Tanh(), nn.Linear(5, 1)).double()
    second = nn.Sequential(nn.Linear(4, 5), nn.Tanh(), nn.Linear(5, 1)).double()
    second.load_state_dict(first.state_dict())
    return first, second


def _data_loss(model: nn.Module, step: int) -> torch.Tensor:
    generator = torch.Generator().manual_seed(step)
    x = torch.randn(16, 4, generator=generator, dtype=torch.float64)
    y = torch.randn(16, 1, generator=generator, dtype=torch.float64)
    return nn.functional.mse_loss(model(x), y)


@pytest.mark.parametrize(
    ("torch_class", "options"),
    [
        (torch.optim.SGD, {"lr": 0.1}),
        (torch.optim.SGD, {"lr": 0.1, "momentum": 0.9, "nesterov": True}),
        (torch.optim.Adam, {"lr": 0.01}),
        (torch.optim.Adam, {"lr": 0.01, "amsgrad": True}),
        (torch.optim.Adamax, {"lr": 0.01}),
    ],
)
def test_weight_decay_argument_is_the_l2_penalty_in_the_loss(torch_class, options):
    penalised, decayed = _two_models()
    optimizer_penalised = torch_class(penalised.parameters(), **options)
    optimizer_decayed = torch_class(decayed.parameters(), weight_decay=0.05, **options)
    for step in range(STEPS):
        optimizer_penalised.zero_grad()
        loss = _data_loss(penalised, step) + l2_penalty(penalised.parameters(), 0.05)
        loss.backward()
        optimizer_penalised.step()
        optimizer_decayed.zero_grad()
        _data_loss(decayed, step).backward()
        optimizer_decayed.step()
        for ours, theirs in zip(penalised.parameters(), decayed.parameters(), strict=True):
            torch.testing.assert_close(ours, theirs, msg=f"step {step}")


@pytest.mark.parametrize("options", [{}, {"amsgrad": True}, {"betas": (0.5, 0.9)}])
def test_decay_then_adam_step_is_adamw(options):
    decayed, adamw = _two_models()
    optimizer_adam = torch.optim.Adam(decayed.parameters(), lr=0.01, **options)
    optimizer_adamw = torch.optim.AdamW(adamw.parameters(), lr=0.01, weight_decay=0.5, **options)
    for step in range(STEPS):
        optimizer_adam.zero_grad()
        _data_loss(decayed, step).backward()
        decay_weights_(decayed.parameters(), lr=0.01, weight_decay=0.5)
        optimizer_adam.step()
        optimizer_adamw.zero_grad()
        _data_loss(adamw, step).backward()
        optimizer_adamw.step()
        for ours, theirs in zip(decayed.parameters(), adamw.parameters(), strict=True):
            torch.testing.assert_close(ours, theirs, msg=f"step {step}")


def test_for_plain_sgd_decay_and_penalty_are_the_same_update():
    penalised, decayed = _two_models()
    sgd_penalised = torch.optim.SGD(penalised.parameters(), lr=0.1, weight_decay=0.05)
    sgd_decayed = torch.optim.SGD(decayed.parameters(), lr=0.1)
    for step in range(STEPS):
        sgd_penalised.zero_grad()
        _data_loss(penalised, step).backward()
        sgd_penalised.step()
        sgd_decayed.zero_grad()
        _data_loss(decayed, step).backward()
        decay_weights_(decayed.parameters(), lr=0.1, weight_decay=0.05)
        sgd_decayed.step()
    for ours, theirs in zip(penalised.parameters(), decayed.parameters(), strict=True):
        torch.testing.assert_close(ours, theirs)


def test_l2_penalty_value_and_gradient():
    params = [
        torch.tensor([1.0, -2.0], requires_grad=True),
        torch.tensor([3.0], requires_grad=True),
    ]
    penalty = l2_penalty(params, 0.1)
    assert penalty.item() == pytest.approx(0.05 * 14)
    penalty.backward()
    assert params[0].grad.tolist() == pytest.approx([0.1, -0.2])
    assert params[1].grad.tolist() == pytest.approx([0.3])


def test_decay_groups_exempt_biases_and_normalisation_weights():
    model = nn.Sequential(nn.Embedding(10, 4), nn.Linear(4, 4), nn.LayerNorm(4), nn.Linear(4, 2))
    model[3].bias.requires_grad_(False)
    decay, no_decay = decay_groups(model, 0.1)
    assert (decay["weight_decay"], no_decay["weight_decay"]) == (0.1, 0.0)
    ids = lambda group: {id(p) for p in group["params"]}  # noqa: E731
    assert ids(decay) == {id(model[0].weight), id(model[1].weight), id(model[3].weight)}
    assert ids(no_decay) == {id(model[1].bias), id(model[2].weight), id(model[2].bias)}

    # With zero gradients AdamW only decays: the first group shrinks, the second stays.
    optimizer = torch.optim.AdamW(decay_groups(model, 0.1), lr=0.5)
    before = {name: p.detach().clone() for name, p in model.named_parameters()}
    for param in model.parameters():
        param.grad = torch.zeros_like(param)
    optimizer.step()
    for name, param in model.named_parameters():
        factor = 0.95 if param.ndim >= 2 else 1.0
        torch.testing.assert_close(param.detach(), before[name] * factor, msg=name)


def test_weight_decay_helpers_validate_their_arguments():
    param = torch.ones(2, requires_grad=True)
    with pytest.raises(ValueError, match="Invalid weight_decay value"):
        l2_penalty([param], -1.0)
    with pytest.raises(ValueError, match="empty"):
        l2_penalty([], 0.1)
    with pytest.raises(ValueError, match="Invalid learning rate"):
        decay_weights_([param], -0.1, 0.1)
    with pytest.raises(TypeError, match="must be a number"):
        decay_groups(nn.Linear(2, 2), "0.1")
