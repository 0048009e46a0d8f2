"""nnref.mse_loss against torch.nn.functional.mse_loss for every reduction."""

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import nn

import nnref

REDUCTIONS = ["mean", "sum", "none"]


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("shape", [(1,), (7,), (4, 3), (2, 3, 5)], ids=str)
def test_mse_loss_matches_torch_values_and_gradients(reduction, shape):
    torch.manual_seed(0)
    x = torch.randn(shape, dtype=torch.float64, requires_grad=True)
    y = torch.randn(shape, dtype=torch.float64, requires_grad=True)
    ours = nnref.mse_loss(x, y, reduction=reduction)
    theirs = nn.functional.mse_loss(x, y, reduction=reduction)
    module = nn.MSELoss(reduction=reduction)(x, y)
    torch.testing.assert_close(ours, theirs)
    torch.testing.assert_close(ours, module)
    upstream = torch.randn_like(ours)
    for g_ours, g_theirs in zip(
        torch.autograd.grad(ours, (x, y), upstream),
        torch.autograd.grad(theirs, (x, y), upstream),
        strict=True,
    ):
        torch.testing.assert_close(g_ours, g_theirs)
    assert torch.autograd.gradcheck(lambda a, b: nnref.mse_loss(a, b, reduction), (x, y))


def test_mse_loss_gradient_is_two_error_over_n():
    x = torch.tensor([2.5, 0.0, 2.0, 8.0], requires_grad=True)
    y = torch.tensor([3.0, -0.5, 2.0, 7.0])
    nnref.mse_loss(x, y).backward()
    torch.testing.assert_close(x.grad, 2 * (x.detach() - y) / 4)


def test_mse_loss_broadcasting_warns_like_torch_and_gives_the_same_value():
    x = torch.tensor([[1.0], [2.0], [3.0]])
    y = torch.tensor([1.0, 2.0, 3.0])
    with pytest.warns(UserWarning, match="different to the input size") as ours_warning:
        ours = nnref.mse_loss(x, y)
    with pytest.warns(UserWarning, match="different to the input size"):
        theirs = nn.functional.mse_loss(x, y)
    torch.testing.assert_close(ours, theirs)
    assert ours_warning[0].filename == __file__  # the warning points at the caller


@pytest.mark.parametrize(
    ("args", "kwargs", "error", "match"),
    [
        ((torch.randn(3), torch.randn(3)), {"reduction": "avg"}, ValueError, "reduction"),
        ((torch.randn(3), torch.randn(4)), {}, ValueError, "cannot be broadcast"),
        ((torch.randn(3), [1.0, 2.0, 3.0]), {}, TypeError, "target must be a torch.Tensor"),
        ((torch.tensor([1, 2]), torch.tensor([1, 2])), {}, TypeError, "floating-point"),
    ],
)
def test_mse_loss_rejects_bad_arguments(args, kwargs, error, match):
    with pytest.raises(error, match=match):
        nnref.mse_loss(*args, **kwargs)


@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_mse_loss_weight_divides_the_mean_by_the_sum_of_weights(reduction):
    torch.manual_seed(0)
    x = torch.randn(4, 3, dtype=torch.float64, requires_grad=True)
    y = torch.randn(4, 3, dtype=torch.float64, requires_grad=True)
    weight = torch.rand(4, 3, dtype=torch.float64, requires_grad=True)
    ours = nnref.mse_loss(x, y, reduction, weight=weight)
    theirs = nn.functional.mse_loss(x, y, reduction=reduction, weight=weight)
    torch.testing.assert_close(ours, theirs)
    upstream = torch.randn_like(ours)
    for g_ours, g_theirs in zip(
        torch.autograd.grad(ours, (x, y, weight), upstream),
        torch.autograd.grad(theirs, (x, y, weight), upstream),
        strict=True,
    ):
        torch.testing.assert_close(g_ours, g_theirs)
    if reduction == "mean":
        torch.testing.assert_close(ours, (weight * (x - y) ** 2).sum() / weight.sum())
    assert torch.autograd.gradcheck(
        lambda a, b, w: nnref.mse_loss(a, b, reduction, weight=w), (x, y, weight)
    )


def test_mse_loss_rejects_a_weight_of_another_shape():
    with pytest.raises(ValueError, match="weight"):
        nnref.mse_loss(torch.randn(3), torch.randn(3), weight=torch.ones(3, 1))
    with pytest.raises(ValueError, match="same size"):
        nn.functional.mse_loss(torch.randn(3), torch.randn(3), weight=torch.ones(3, 1))


def test_mse_loss_broadcast_pitfall_of_the_page():
    prediction = torch.tensor([[1.0], [2.0], [3.0]])
    target = torch.tensor([1.0, 2.0, 3.0])
    with pytest.warns(UserWarning, match="different to the input size"):
        wrong = nn.MSELoss()(prediction, target)
    torch.testing.assert_close(wrong, torch.tensor(4 / 3))  # mean (i - j)^2 over 3 x 3 pairs
    assert nn.MSELoss()(prediction.squeeze(1), target).item() == 0.0


@pytest.mark.parametrize("batch_size", [8, 64, 512])
def test_mse_sum_gradient_is_batch_size_times_the_mean_gradient(batch_size):
    torch.manual_seed(0)
    model = nn.Linear(3, 1).double()
    x = torch.randn(batch_size, 3, dtype=torch.float64)
    y = x.sum(dim=1, keepdim=True)
    grads = {}
    for reduction in ("mean", "sum"):
        (grads[reduction],) = torch.autograd.grad(
            nnref.mse_loss(model(x), y, reduction), model.weight
        )
    torch.testing.assert_close(grads["sum"], batch_size * grads["mean"])


@settings(max_examples=40)
@given(
    shape=st.lists(st.integers(1, 4), min_size=0, max_size=4).map(tuple),
    reduction=st.sampled_from(REDUCTIONS),
)
def test_mse_loss_output_shape(shape, reduction):
    x, y = torch.randn(shape), torch.randn(shape)
    ours = nnref.mse_loss(x, y, reduction)
    assert ours.shape == (shape if reduction == "none" else ())
    torch.testing.assert_close(ours, nn.functional.mse_loss(x, y, reduction=reduction))


def test_mse_is_the_mean_of_squared_errors_without_a_root():
    prediction = torch.tensor([2.5, 0.0, 2.0, 8.0])
    target = torch.tensor([3.0, -0.5, 2.0, 7.0])
    mse = nn.MSELoss()(prediction, target)
    assert mse.item() == 0.375  # (0.25 + 0.25 + 0 + 1) / 4
    assert mse.sqrt().item() == pytest.approx(0.6124, abs=1e-4)  # RMSE, not what MSELoss returns


def test_positional_reduction_pitfall_of_the_page():
    prediction, target = torch.tensor([1.0, 2.0, 3.0]), torch.zeros(3)
    with pytest.warns(UserWarning, match="deprecated"):
        module = nn.MSELoss("sum")  # lands in size_average
    assert module.reduction == "mean"
    with pytest.warns(UserWarning, match="deprecated"):
        function = nn.functional.mse_loss(prediction, target, "sum")
    torch.testing.assert_close(function, torch.tensor(14 / 3))
    torch.testing.assert_close(module(prediction, target), torch.tensor(14 / 3))
    assert nn.functional.mse_loss(prediction, target, reduction="sum").item() == 14.0


@pytest.mark.parametrize(
    ("input_dtype", "target_dtype"),
    [
        (torch.float32, torch.float64),
        (torch.float64, torch.float32),
        (torch.float32, torch.long),
        (torch.long, torch.float32),
        (torch.float16, torch.float32),
        (torch.long, torch.long),
    ],
    ids=str,
)
def test_mse_loss_dtype_is_the_promoted_one_like_torch(input_dtype, target_dtype):
    x = torch.tensor([0.5, 1.0, 2.0, 3.0]).to(input_dtype)
    y = torch.tensor([1.0, 0.0, 2.0, 5.0]).to(target_dtype)
    try:
        theirs = nn.functional.mse_loss(x, y)
    except NotImplementedError:  # two integer tensors
        with pytest.raises(TypeError, match="floating-point"):
            nnref.mse_loss(x, y)
        return
    ours = nnref.mse_loss(x, y)
    assert ours.dtype == theirs.dtype == torch.promote_types(input_dtype, target_dtype)
    torch.testing.assert_close(ours, theirs)


def test_weighted_mse_loss_accepts_integer_tensors_like_torch():
    x, y, weight = torch.tensor([1, 2, 3]), torch.tensor([0, 0, 1]), torch.tensor([1.0, 0.5, 2.0])
    torch.testing.assert_close(
        nnref.mse_loss(x, y, weight=weight), nn.functional.mse_loss(x, y, weight=weight)
    )
