"""nnref.SGD against torch.optim.SGD, step by step, for the defaults and every option."""

import pytest
import torch

import nnref
from nnref.optim import lockstep

OPTIONS = [
    {},
    {"lr": 0.05},
    {"lr": 0.05, "momentum": 0.9},
    {"lr": 0.05, "momentum": 0.9, "dampening": 0.3},
    {"lr": 0.05, "momentum": 0.9, "nesterov": True},
    {"lr": 0.05, "weight_decay": 0.1},
    {"lr": 0.05, "momentum": 0.5, "weight_decay": 0.1, "nesterov": True},
    {"lr": 0.05, "maximize": True},
    {"lr": 0.05, "momentum": 0.9, "maximize": True, "weight_decay": 0.01},
]
STEPS = 25


@pytest.mark.parametrize(
    "options", OPTIONS, ids=lambda o: ",".join(f"{k}={v}" for k, v in o.items()) or "defaults"
)
def test_sgd_matches_torch_for_every_step(options):
    torch.manual_seed(0)
    start = [torch.randn(3, 2, dtype=torch.float64), torch.randn(4, dtype=torch.float64)]
    ours = [t.clone().requires_grad_() for t in start]
    theirs = [t.clone().requires_grad_() for t in start]
    optimizer_ours = nnref.SGD(ours, **options)
    optimizer_theirs = torch.optim.SGD(theirs, **options)

    for step in lockstep(optimizer_ours, optimizer_theirs, steps=STEPS):
        for index, (p_ours, p_theirs) in enumerate(zip(ours, theirs, strict=True)):
            torch.testing.assert_close(p_ours, p_theirs, msg=f"step {step}, param {index}")
            buffer = optimizer_theirs.state[p_theirs].get("momentum_buffer")
            ours_buffer = optimizer_ours.state[index].get("momentum_buffer")
            if buffer is None:
                assert ours_buffer is None, f"step {step}: torch keeps no momentum buffer"
            else:
                torch.testing.assert_close(ours_buffer, buffer, msg=f"step {step}, buffer {index}")


def test_lockstep_detects_a_different_optimizer():
    ours = [torch.zeros(3, dtype=torch.float64, requires_grad=True)]
    theirs = [torch.zeros(3, dtype=torch.float64, requires_grad=True)]
    steps = lockstep(nnref.SGD(ours, lr=0.1), torch.optim.SGD(theirs, lr=0.1, momentum=0.9))
    differences = [(ours[0] - theirs[0]).abs().max().item() for _ in steps]
    assert differences[0] == 0 and differences[-1] > 1e-3


def test_step_returns_the_closure_loss_and_skips_it_when_absent():
    param = torch.ones(2, requires_grad=True)
    optimizer = nnref.SGD([param], lr=0.5)

    def closure():
        optimizer.zero_grad()
        loss = (param**2).sum()
        loss.backward()
        return loss

    assert optimizer.step(closure).item() == 2.0
    assert param.tolist() == [0.0, 0.0]
    assert optimizer.step() is None


def test_sgd_default_learning_rate_is_torchs():
    param = torch.zeros(1, requires_grad=True)
    assert nnref.SGD([param]).lr == torch.optim.SGD([param]).defaults["lr"] == 1e-3


def test_sgd_defaults_are_torchs():
    param = torch.zeros(1, requires_grad=True)
    ours, theirs = nnref.SGD([param]), torch.optim.SGD([param]).defaults
    for name in ("lr", "momentum", "dampening", "weight_decay", "nesterov", "maximize"):
        assert getattr(ours, name) == theirs[name], name


@pytest.mark.parametrize("flags", [{"foreach": True}, {"fused": True}], ids=["foreach", "fused"])
def test_sgd_matches_torchs_foreach_and_fused_implementations(flags):
    torch.manual_seed(0)
    start = [torch.randn(3, 2, dtype=torch.float64), torch.randn(4, dtype=torch.float64)]
    ours = [t.clone().requires_grad_() for t in start]
    theirs = [t.clone().requires_grad_() for t in start]
    options = {"lr": 0.05, "momentum": 0.9, "nesterov": True, "weight_decay": 0.01}
    optimizer_ours = nnref.SGD(ours, **options)
    optimizer_theirs = torch.optim.SGD(theirs, **options, **flags)
    for step in lockstep(optimizer_ours, optimizer_theirs, steps=STEPS):
        for p_ours, p_theirs in zip(ours, theirs, strict=True):
            torch.testing.assert_close(p_ours, p_theirs, msg=f"step {step}")


def test_sgd_skips_parameters_without_gradient_and_zero_grad_clears():
    a, b = torch.ones(2, requires_grad=True), torch.ones(2, requires_grad=True)
    optimizer = nnref.SGD([a, b], lr=0.5)
    (a * 2).sum().backward()
    optimizer.step()
    assert a.tolist() == [0.0, 0.0] and b.tolist() == [1.0, 1.0]
    optimizer.zero_grad()
    assert a.grad is None


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"lr": -0.1}, ValueError, "Invalid learning rate"),
        ({"momentum": -0.5}, ValueError, "Invalid momentum value"),
        ({"weight_decay": -1.0}, ValueError, "Invalid weight_decay value"),
        ({"nesterov": True}, ValueError, "Nesterov momentum requires"),
        ({"nesterov": True, "momentum": 0.9, "dampening": 0.1}, ValueError, "Nesterov"),
        ({"lr": "fast"}, TypeError, "must be a number"),
    ],
)
def test_sgd_rejects_invalid_arguments_like_torch(kwargs, error, match):
    param = torch.zeros(2, requires_grad=True)
    with pytest.raises(error, match=match):
        nnref.SGD([param], **kwargs)
    if error is ValueError:
        with pytest.raises(ValueError, match=match):
            torch.optim.SGD([param], **kwargs)


def test_sgd_rejects_bad_parameter_lists():
    with pytest.raises(TypeError, match="iterable of tensors"):
        nnref.SGD(torch.zeros(2, requires_grad=True))
    with pytest.raises(ValueError, match="empty"):
        nnref.SGD([])
    with pytest.raises(ValueError, match="not a leaf"):
        nnref.SGD([torch.zeros(2, requires_grad=True) * 2])
