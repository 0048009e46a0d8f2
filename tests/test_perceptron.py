"""The perceptron, its learning rule and the XOR network, checked against torch."""

import itertools

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import nn

from nnref.perceptron import (
    compose_affine,
    linearly_separable_data,
    novikoff_bound,
    predict,
    step,
    train_perceptron,
    xor_data,
    xor_mlp,
    xor_mlp_parameters,
    xor_threshold_network,
)


@pytest.fixture(autouse=True, scope="module")
def one_thread():
    old = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(old)


def test_step_equals_torch_heaviside_with_zero_at_zero():
    z = torch.tensor([-2.0, -1e-30, 0.0, -0.0, 1e-30, 3.0])
    torch.testing.assert_close(step(z), torch.heaviside(z, torch.tensor(0.0)))


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_perceptron_converges_on_separable_data_within_novikoff_bound(seed):
    generator = torch.Generator().manual_seed(seed)
    x, y, w_star, b_star = linearly_separable_data(150, margin=0.05, generator=generator)
    result = train_perceptron(x, y, epochs=1000)
    assert result.converged
    assert torch.equal(predict(x, result.weight, result.bias), y)
    assert sum(result.mistakes) <= novikoff_bound(x, y, w_star, b_star)


def test_perceptron_rule_by_hand_on_two_examples():
    x = torch.tensor([[1.0, 0.0], [0.0, 1.0]])
    y = torch.tensor([1.0, 0.0])
    result = train_perceptron(x, y, epochs=10, lr=0.5)
    # epoch 1: (1,0) predicted 0, target 1 -> w = (0.5, 0), b = 0.5; (0,1): z = 0.5 > 0 -> 1,
    # target 0 -> w = (0.5, -0.5), b = 0. Epoch 2: z = 0.5 (right), z = -0.5 (right).
    assert result.mistakes == [2, 0]
    torch.testing.assert_close(result.weight, torch.tensor([0.5, -0.5]))
    torch.testing.assert_close(result.bias, torch.tensor(0.0))


def test_learning_rate_does_not_change_mistakes_from_zero_start():
    x, y, _, _ = linearly_separable_data(80, generator=torch.Generator().manual_seed(5))
    a = train_perceptron(x, y, lr=1.0)
    b = train_perceptron(x, y, lr=0.125)
    assert a.mistakes == b.mistakes
    torch.testing.assert_close(b.weight, a.weight * 0.125)


def test_shuffled_order_is_reproducible_and_converges():
    x, y, _, _ = linearly_separable_data(80, generator=torch.Generator().manual_seed(6))
    a = train_perceptron(x, y, generator=torch.Generator().manual_seed(0))
    b = train_perceptron(x, y, generator=torch.Generator().manual_seed(0))
    assert a.mistakes == b.mistakes and a.converged


def test_perceptron_never_separates_xor():
    x, y = xor_data(torch.float64)
    result = train_perceptron(x, y, epochs=500)
    assert len(result.mistakes) == 500
    assert min(result.mistakes) > 0
    assert not result.converged
    # stated on the page: from the third epoch on, all four examples are misclassified
    assert result.mistakes[:2] == [2, 3]
    assert set(result.mistakes[2:]) == {4}


def test_no_line_separates_xor():
    # Every line on a fine grid of directions and offsets misclassifies at least one corner.
    x, y = xor_data(torch.float64)
    angles = torch.linspace(0, 2 * torch.pi, 721, dtype=torch.float64)
    w = torch.stack([angles.cos(), angles.sin()], dim=1)  # (721, 2)
    b = torch.linspace(-2, 2, 401, dtype=torch.float64)
    z = (x @ w.T).unsqueeze(-1) + b  # (4, 721, 401)
    correct = ((z > 0).to(torch.float64) == y.view(4, 1, 1)).all(dim=0)
    assert not correct.any()


def test_xor_mlp_equals_sequential_with_the_same_weights():
    x, y = xor_data()
    model = nn.Sequential(nn.Linear(2, 2), nn.ReLU(), nn.Linear(2, 1))
    model.load_state_dict(xor_mlp_parameters())
    torch.testing.assert_close(model(x), xor_mlp(x))
    assert torch.equal(xor_mlp(x).squeeze(1), y)
    grid = torch.rand(200, 2, generator=torch.Generator().manual_seed(0)) * 3 - 1
    torch.testing.assert_close(model(grid), xor_mlp(grid))


def test_threshold_network_is_xor():
    x, y = xor_data()
    assert torch.equal(xor_threshold_network(x), y)


@settings(max_examples=30)
@given(st.lists(st.integers(1, 6), min_size=2, max_size=5), st.integers(1, 4))
def test_stacked_linear_layers_are_one_affine_map(sizes, batch):
    torch.manual_seed(len(sizes) * 10 + batch)
    layers = [nn.Linear(a, b, dtype=torch.float64) for a, b in itertools.pairwise(sizes)]
    weight, bias = compose_affine([m.weight for m in layers], [m.bias for m in layers])
    assert weight.shape == (sizes[-1], sizes[0]) and bias.shape == (sizes[-1],)
    x = torch.randn(batch, sizes[0], dtype=torch.float64)
    torch.testing.assert_close(nn.Sequential(*layers)(x), x @ weight.T + bias)


def test_bad_arguments():
    x, y = xor_data()
    with pytest.raises(TypeError, match="inputs"):
        train_perceptron(x.long(), y)
    with pytest.raises(ValueError, match="inputs"):
        train_perceptron(x[0], y)
    with pytest.raises(ValueError, match="targets"):
        train_perceptron(x, y[:3])
    with pytest.raises(ValueError, match="targets"):
        train_perceptron(x, y * 2 - 1)
    with pytest.raises(ValueError, match="epochs"):
        train_perceptron(x, y, epochs=0)
    with pytest.raises(ValueError, match="learning rate"):
        train_perceptron(x, y, lr=0.0)
    with pytest.raises(ValueError, match="separate"):
        novikoff_bound(x, y, torch.tensor([1.0, 0.0]), 0.0)
    with pytest.raises(ValueError, match="weights"):
        compose_affine([torch.ones(2, 3), torch.ones(2, 3)], [torch.ones(2), torch.ones(2)])
    with pytest.raises(ValueError, match="inputs"):
        xor_mlp(torch.ones(4, 3))
