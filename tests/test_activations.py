"""nnref.relu and nnref.relu_derivative against torch.relu, including the kink at 0."""

import pytest
import torch

import nnref


@pytest.mark.parametrize("shape", [(), (5,), (3, 4), (2, 3, 4, 5)], ids=str)
def test_relu_matches_torch_values_and_gradients(shape):
    torch.manual_seed(0)
    x = torch.randn(shape, dtype=torch.float64, requires_grad=True)
    ours, theirs = nnref.relu(x), torch.relu(x)
    torch.testing.assert_close(ours, theirs)
    upstream = torch.randn_like(ours)
    (g_ours,) = torch.autograd.grad(ours, x, upstream)
    (g_theirs,) = torch.autograd.grad(theirs, x, upstream)
    torch.testing.assert_close(g_ours, g_theirs)


def test_relu_gradcheck_away_from_the_kink():
    torch.manual_seed(1)
    x = torch.randn(20, dtype=torch.float64)
    x = (x + 0.1 * x.sign()).requires_grad_()  # keep every point at least 0.1 from 0
    assert torch.autograd.gradcheck(nnref.relu, (x,))


def test_relu_subgradient_at_the_kink_is_torchs():
    x = torch.tensor([0.0, -0.0, 1e-30, -1e-30], requires_grad=True)
    (ours,) = torch.autograd.grad(nnref.relu(x).sum(), x)
    (theirs,) = torch.autograd.grad(torch.relu(x).sum(), x)
    torch.testing.assert_close(ours, theirs, rtol=0, atol=0)
    assert ours.tolist() == [0.0, 0.0, 1.0, 0.0]
    torch.testing.assert_close(nnref.relu_derivative(x.detach()), theirs, rtol=0, atol=0)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64, torch.int64])
def test_relu_keeps_dtype_like_torch(dtype):
    x = torch.tensor([-2, 0, 3], dtype=dtype)
    ours = nnref.relu(x)
    assert ours.dtype == torch.relu(x).dtype
    assert torch.equal(ours, torch.relu(x))


def test_relu_rejects_non_tensors_and_booleans():
    with pytest.raises(TypeError, match=r"input must be a torch\.Tensor"):
        nnref.relu([1.0, -1.0])
    with pytest.raises(TypeError, match=r"torch\.bool"):
        nnref.relu(torch.tensor([True, False]))
