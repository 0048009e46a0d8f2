"""nnref.layers.linear_family (Bilinear, LazyLinear, Identity) against torch.nn."""

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import nn

from nnref.layers.linear_family import (
    LazyLinear,
    bilinear,
    bilinear_init,
    bilinear_parameter_count,
    identity,
)

BATCHES = [(), (5,), (2, 3), (2, 1, 4)]


@pytest.mark.parametrize("batch", BATCHES, ids=str)
@pytest.mark.parametrize("bias", [True, False], ids=["bias", "no-bias"])
def test_bilinear_matches_torch_values_and_gradients(batch, bias):
    torch.manual_seed(0)
    x1 = torch.randn(*batch, 3, dtype=torch.float64, requires_grad=True)
    x2 = torch.randn(*batch, 4, dtype=torch.float64, requires_grad=True)
    weight = torch.randn(2, 3, 4, dtype=torch.float64, requires_grad=True)
    b = torch.randn(2, dtype=torch.float64, requires_grad=True) if bias else None
    inputs = (x1, x2, weight, b) if bias else (x1, x2, weight)

    ours = bilinear(*inputs)
    theirs = nn.functional.bilinear(*inputs)
    assert ours.shape == (*batch, 2)
    torch.testing.assert_close(ours, theirs)

    upstream = torch.randn_like(ours)
    for g_ours, g_theirs in zip(
        torch.autograd.grad(ours, inputs, upstream),
        torch.autograd.grad(theirs, inputs, upstream),
        strict=True,
    ):
        torch.testing.assert_close(g_ours, g_theirs)
    assert torch.autograd.gradcheck(bilinear, inputs)


@pytest.mark.parametrize(("in1", "in2", "out"), [(1, 1, 1), (3, 4, 2), (20, 30, 40), (7, 1, 3)])
@pytest.mark.parametrize("bias", [True, False])
def test_bilinear_init_and_parameter_count_match_nn_bilinear(in1, in2, out, bias):
    torch.manual_seed(7)
    weight, bias_tensor = bilinear_init(in1, in2, out, bias=bias)
    torch.manual_seed(7)
    layer = nn.Bilinear(in1, in2, out, bias=bias)
    torch.testing.assert_close(weight, layer.weight.detach(), rtol=0, atol=0)
    if bias:
        torch.testing.assert_close(bias_tensor, layer.bias.detach(), rtol=0, atol=0)
    else:
        assert bias_tensor is None and layer.bias is None
    # the bound depends on in1_features only
    assert weight.abs().max() <= 1 / in1**0.5
    expected = sum(p.numel() for p in layer.parameters())
    assert bilinear_parameter_count(in1, in2, out, bias) == expected


def test_bilinear_parameter_count_of_the_page_example():
    # docs/en/layers/linear.md: Bilinear(3, 4, 2) has 2*3*4 + 2 = 26 parameters.
    assert bilinear_parameter_count(3, 4, 2) == 26


@settings(max_examples=40)
@given(
    batch=st.lists(st.integers(1, 3), max_size=3),
    in1=st.integers(1, 5),
    in2=st.integers(1, 5),
    out=st.integers(1, 4),
)
def test_bilinear_output_shape_over_random_configurations(batch, in1, in2, out):
    x1, x2 = torch.randn(*batch, in1), torch.randn(*batch, in2)
    weight, b = bilinear_init(in1, in2, out)
    ours = bilinear(x1, x2, weight, b)
    theirs = nn.functional.bilinear(x1, x2, weight, b)
    assert ours.shape == theirs.shape == (*batch, out)
    torch.testing.assert_close(ours, theirs, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize(
    ("args", "error", "match"),
    [
        (
            (torch.randn(5, 2), torch.randn(5, 4), torch.randn(2, 3, 4)),
            ValueError,
            "in1_features=3",
        ),
        (
            (torch.randn(5, 3), torch.randn(5, 5), torch.randn(2, 3, 4)),
            ValueError,
            "in2_features=4",
        ),
        ((torch.randn(5, 3), torch.randn(1, 4), torch.randn(2, 3, 4)), ValueError, "leading"),
        (
            (torch.randn(5, 3), torch.randn(5, 4), torch.randn(3, 4)),
            ValueError,
            "weight must be 3-D",
        ),
        (
            (torch.randn(5, 3), torch.randn(5, 4), torch.randn(2, 3, 4), torch.randn(3)),
            ValueError,
            "bias must have",
        ),
        (([1.0, 2.0, 3.0], torch.randn(4), torch.randn(2, 3, 4)), TypeError, "input1 must be"),
        (
            (torch.randn(3), torch.ones(4, dtype=torch.long), torch.randn(2, 3, 4)),
            TypeError,
            "input2",
        ),
        ((torch.tensor(1.0), torch.randn(4), torch.randn(2, 3, 4)), ValueError, "input1 must have"),
    ],
)
def test_bilinear_rejects_bad_arguments(args, error, match):
    with pytest.raises(error, match=match):
        bilinear(*args)


@pytest.mark.parametrize(
    ("sizes", "name"),
    [((0, 2, 2), "in1_features"), ((2, -1, 2), "in2_features"), ((2, 2, 0), "out")],
)
def test_bilinear_init_rejects_non_positive_sizes(sizes, name):
    with pytest.raises(ValueError, match=name):
        bilinear_init(*sizes)


@pytest.mark.parametrize("shape", [(3,), (4, 3), (2, 5, 3)], ids=str)
@pytest.mark.parametrize("bias", [True, False])
def test_lazy_linear_infers_in_features_and_draws_torch_parameters(shape, bias):
    x = torch.randn(shape)
    ours, theirs = LazyLinear(2, bias=bias), nn.LazyLinear(2, bias=bias)
    assert not ours.initialized and ours.weight is None
    assert isinstance(theirs.weight, nn.UninitializedParameter)
    torch.manual_seed(3)
    y_ours = ours(x)
    torch.manual_seed(3)
    y_theirs = theirs(x)
    assert ours.initialized and ours.in_features == theirs.in_features == shape[-1]
    torch.testing.assert_close(ours.weight, theirs.weight.detach(), rtol=0, atol=0)
    if bias:
        torch.testing.assert_close(ours.bias, theirs.bias.detach(), rtol=0, atol=0)
    else:
        assert ours.bias is None and theirs.bias is None
    torch.testing.assert_close(y_ours, y_theirs.detach())
    assert type(theirs) is nn.Linear  # torch turns the module into a plain Linear


def test_lazy_linear_keeps_its_parameters_and_rejects_another_size():
    layer = LazyLinear(3)
    layer(torch.randn(2, 4))
    weight = layer.weight
    layer(torch.randn(5, 4))
    assert layer.weight is weight  # drawn once, on the first call only
    with pytest.raises(ValueError, match="in_features=4"):
        layer(torch.randn(2, 6))


def test_lazy_linear_rejects_bad_arguments():
    with pytest.raises(ValueError, match="out_features"):
        LazyLinear(0)
    with pytest.raises(TypeError, match="out_features"):
        LazyLinear(2.5)
    with pytest.raises(ValueError, match="at least one dimension"):
        LazyLinear(2)(torch.tensor(1.0))
    with pytest.raises(TypeError, match="floating-point"):
        LazyLinear(2)(torch.ones(2, 3, dtype=torch.long))


@pytest.mark.parametrize("shape", [(), (3,), (2, 3, 4)], ids=str)
def test_identity_returns_its_input_like_nn_identity(shape):
    x = torch.randn(shape, requires_grad=True)
    module = nn.Identity(54, unused_argument=0.1)
    assert identity(x) is x and module(x) is x
    assert identity(x, 54, unused_argument=0.1) is x
    (grad,) = torch.autograd.grad(identity(x).sum(), x)
    torch.testing.assert_close(grad, torch.ones_like(x))
    assert list(module.parameters()) == []


def test_identity_rejects_non_tensors():
    with pytest.raises(TypeError, match=r"input must be a torch\.Tensor"):
        identity([1.0, 2.0])
