"""nnref.mse_loss against torch.nn.functional.mse_loss for every reduction."""

import pytest
import torch
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
