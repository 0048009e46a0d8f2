"""L1, L2 and elastic-net penalties against autograd; weight decay groups; SGD equivalence."""

import copy

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import nn

from nnref.training import regularization as reg


@pytest.fixture(autouse=True, scope="module")
def one_thread():
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


shapes = st.lists(st.integers(1, 5), min_size=1, max_size=3).map(tuple)


@settings(max_examples=25)
@given(shape=shapes, lam=st.floats(0.0, 2.0), seed=st.integers(0, 1000))
def test_penalty_gradients_equal_autograd(shape, lam, seed):
    w = torch.randn(shape, generator=torch.Generator().manual_seed(seed), dtype=torch.float64)
    w[..., 0] = 0.0  # the kink of |w|: autograd's subgradient is 0 there
    w.requires_grad_()
    for value, grad in (
        (reg.l2_penalty([w], lam), reg.l2_penalty_grad(w, lam)),
        (reg.l1_penalty([w], lam), reg.l1_penalty_grad(w, lam)),
        (reg.elastic_net_penalty([w], lam, 0.5), reg.elastic_net_penalty_grad(w, lam, 0.5)),
    ):
        (auto,) = torch.autograd.grad(value, w)
        torch.testing.assert_close(grad, auto)


def test_penalty_values():
    w = torch.tensor([3.0, -4.0])
    assert reg.l2_penalty([w], 0.2).item() == pytest.approx(0.1 * 25)
    assert reg.l1_penalty([w], 0.2).item() == pytest.approx(0.2 * 7)
    assert reg.elastic_net_penalty([w], 0.2, 0.2).item() == pytest.approx(1.4 + 2.5)
    assert reg.l2_penalty([], 1.0).item() == 0.0


@pytest.mark.parametrize("momentum", [0.0, 0.9])
def test_sgd_weight_decay_is_the_l2_penalty(momentum):
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(4, 8), nn.Tanh(), nn.Linear(8, 1))
    twin = copy.deepcopy(model)
    x, y = torch.randn(16, 4), torch.randn(16, 1)
    a = torch.optim.SGD(model.parameters(), lr=0.1, momentum=momentum, weight_decay=0.2)
    b = torch.optim.SGD(twin.parameters(), lr=0.1, momentum=momentum)
    for _ in range(5):
        a.zero_grad()
        nn.functional.mse_loss(model(x), y).backward()
        a.step()
        b.zero_grad()
        loss = nn.functional.mse_loss(twin(x), y) + reg.l2_penalty(twin.parameters(), 0.2)
        loss.backward()
        b.step()
    for p, q in zip(model.parameters(), twin.parameters(), strict=True):
        torch.testing.assert_close(p, q)


def test_adam_weight_decay_is_not_decoupled():
    w = torch.tensor([1.0], requires_grad=True)
    v = torch.tensor([1.0], requires_grad=True)
    adam, adamw = (
        torch.optim.Adam([w], lr=0.01, weight_decay=0.1),
        torch.optim.AdamW([v], lr=0.01, weight_decay=0.1),
    )
    for _ in range(100):
        for opt, p in ((adam, w), (adamw, v)):
            opt.zero_grad()
            p.grad = torch.zeros(1)
            opt.step()
    assert v.item() == pytest.approx(0.999**100, rel=1e-5)  # AdamW: w (1 - lr lam) each step
    assert w.item() < 0.3  # Adam: the normalised L2 gradient moves w by about lr per step


def test_soft_threshold_sets_small_weights_to_zero():
    w = torch.tensor([-0.5, -0.05, 0.0, 0.02, 0.3])
    torch.testing.assert_close(reg.soft_threshold(w, 0.1), torch.tensor([-0.4, 0, 0, 0, 0.2]))


def test_groups_exclude_biases_and_norm_parameters():
    model = nn.Sequential(
        nn.Conv2d(3, 4, 3),
        nn.BatchNorm2d(4),
        nn.Flatten(),
        nn.Linear(4, 5),
        nn.LayerNorm(5),
        nn.GroupNorm(1, 5),
        nn.Linear(5, 2, bias=False),
    )
    decay, no_decay = reg.decay_and_no_decay(model)
    assert [id(p) for p in decay] == [id(model[0].weight), id(model[3].weight), id(model[6].weight)]
    assert len(no_decay) == 1 + 2 + 1 + 2 + 2
    groups = reg.parameter_groups(model, 0.01)
    assert [g["weight_decay"] for g in groups] == [0.01, 0.0]
    optimizer = torch.optim.AdamW(groups, lr=1e-3)
    assert sum(len(g["params"]) for g in optimizer.param_groups) == len(list(model.parameters()))


def test_rnn_biases_are_excluded():
    decay, no_decay = reg.decay_and_no_decay(nn.LSTM(3, 4))
    assert len(decay) == 2 and len(no_decay) == 2


def test_shared_parameters_appear_once():
    layer = nn.Linear(3, 3)
    model = nn.Sequential(layer, nn.ReLU(), layer)
    decay, no_decay = reg.decay_and_no_decay(model)
    assert len(decay) == 1 and len(no_decay) == 1


def test_dropout_scaling_and_eval_identity():
    torch.manual_seed(0)
    drop = nn.Dropout(0.25)
    out = drop(torch.ones(10000))
    torch.testing.assert_close(out.unique(), torch.tensor([0.0, 1 / 0.75]))
    assert out.mean().item() == pytest.approx(1.0, abs=0.03)
    drop.eval()
    assert torch.equal(drop(torch.ones(5)), torch.ones(5))


def test_label_smoothing_target():
    torch.manual_seed(0)
    logits, target, eps = torch.randn(6, 4), torch.tensor([0, 1, 2, 3, 0, 1]), 0.2
    smooth = torch.full((6, 4), eps / 4)
    smooth[torch.arange(6), target] += 1 - eps
    manual = -(smooth * logits.log_softmax(1)).sum(1).mean()
    torch.testing.assert_close(nn.CrossEntropyLoss(label_smoothing=eps)(logits, target), manual)


def test_errors():
    with pytest.raises(ValueError, match="weight_decay"):
        reg.l2_penalty([torch.ones(2)], -1.0)
    with pytest.raises(TypeError, match="strength"):
        reg.l1_penalty([torch.ones(2)], "big")
    with pytest.raises(TypeError, match=r"params\[1\]"):
        reg.l2_penalty([torch.ones(2), 3.0], 0.1)
    with pytest.raises(TypeError, match="model"):
        reg.parameter_groups([torch.ones(2)], 0.1)
