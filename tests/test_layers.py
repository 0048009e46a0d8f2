"""nnref.linear, nnref.linear_init and nnref.mlp_forward against torch.nn."""

import itertools

import pytest
import torch
from torch import nn

import nnref
from nnref.layers.linear import linear_parameter_count

SHAPES = [(3,), (4, 3), (2, 5, 3), (2, 1, 4, 3)]


@pytest.mark.parametrize("shape", SHAPES, ids=str)
@pytest.mark.parametrize("bias", [True, False], ids=["bias", "no-bias"])
def test_linear_matches_torch_values_and_gradients(shape, bias):
    torch.manual_seed(0)
    x = torch.randn(shape, dtype=torch.float64, requires_grad=True)
    w = torch.randn(2, 3, dtype=torch.float64, requires_grad=True)
    b = torch.randn(2, dtype=torch.float64, requires_grad=True) if bias else None
    inputs = (x, w, b) if bias else (x, w)

    ours = nnref.linear(*inputs)
    theirs = nn.functional.linear(*inputs)
    torch.testing.assert_close(ours, theirs)

    upstream = torch.randn_like(ours)
    grads_ours = torch.autograd.grad(ours, [t for t in inputs], upstream)
    grads_theirs = torch.autograd.grad(theirs, [t for t in inputs], upstream)
    for g_ours, g_theirs in zip(grads_ours, grads_theirs, strict=True):
        torch.testing.assert_close(g_ours, g_theirs)
    assert torch.autograd.gradcheck(nnref.linear, inputs)


@pytest.mark.parametrize(("in_features", "out_features"), [(1, 1), (3, 2), (784, 128)])
@pytest.mark.parametrize("bias", [True, False])
def test_linear_init_and_parameter_count_match_nn_linear(in_features, out_features, bias):
    torch.manual_seed(123)
    weight, bias_tensor = nnref.linear_init(in_features, out_features, bias=bias)
    torch.manual_seed(123)
    layer = nn.Linear(in_features, out_features, bias=bias)
    torch.testing.assert_close(weight, layer.weight.detach(), rtol=0, atol=0)
    if bias:
        torch.testing.assert_close(bias_tensor, layer.bias.detach(), rtol=0, atol=0)
    else:
        assert bias_tensor is None and layer.bias is None
    expected = sum(p.numel() for p in layer.parameters())
    assert linear_parameter_count(in_features, out_features, bias) == expected


def test_linear_parameter_count_of_the_page_example():
    # docs/en/layers/linear.md: 784 -> 128 has 100 480 parameters.
    assert linear_parameter_count(784, 128) == 100_480


@pytest.mark.parametrize(
    ("args", "error", "match"),
    [
        ((torch.randn(4, 5), torch.randn(2, 3)), ValueError, "in_features=3"),
        ((torch.randn(4, 3), torch.randn(3)), ValueError, "weight must be 2-D"),
        ((torch.randn(4, 3), torch.randn(2, 3), torch.randn(3)), ValueError, "bias must have"),
        (([1.0, 2.0, 3.0], torch.randn(2, 3)), TypeError, "input must be a torch.Tensor"),
        ((torch.ones(4, 3, dtype=torch.long), torch.randn(2, 3)), TypeError, "floating-point"),
        ((torch.tensor(1.0), torch.randn(2, 3)), ValueError, "at least one dimension"),
    ],
)
def test_linear_rejects_bad_arguments(args, error, match):
    with pytest.raises(error, match=match):
        nnref.linear(*args)


@pytest.mark.parametrize(("in_features", "out_features"), [(0, 2), (3, -1)])
def test_linear_init_rejects_non_positive_sizes(in_features, out_features):
    with pytest.raises(ValueError, match="must be positive"):
        nnref.linear_init(in_features, out_features)


@pytest.mark.parametrize("sizes", [[4, 3], [4, 8, 3], [2, 16, 16, 16, 1]], ids=str)
def test_mlp_forward_equals_sequential(sizes):
    torch.manual_seed(0)
    modules: list[nn.Module] = []
    for index, (n_in, n_out) in enumerate(itertools.pairwise(sizes)):
        modules.append(nn.Linear(n_in, n_out).double())
        if index < len(sizes) - 2:
            modules.append(nn.ReLU())
    model = nn.Sequential(*modules)
    layers = [(m.weight, m.bias) for m in model if isinstance(m, nn.Linear)]
    x = torch.randn(7, sizes[0], dtype=torch.float64, requires_grad=True)

    ours, theirs = nnref.mlp_forward(x, layers), model(x)
    torch.testing.assert_close(ours, theirs)
    params = [x] + [p for pair in layers for p in pair]
    for g_ours, g_theirs in zip(
        torch.autograd.grad(ours.sum(), params),
        torch.autograd.grad(theirs.sum(), params),
        strict=True,
    ):
        torch.testing.assert_close(g_ours, g_theirs)


def test_mlp_forward_rejects_sizes_that_do_not_chain():
    layers = [(torch.randn(8, 4), None), (torch.randn(3, 5), None)]
    with pytest.raises(ValueError, match="in_features=5"):
        nnref.mlp_forward(torch.randn(2, 4), layers)
    with pytest.raises(ValueError, match="at least one"):
        nnref.mlp_forward(torch.randn(2, 4), [])
