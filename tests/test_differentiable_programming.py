"""nnref.autodiff.dual (forward mode) and nnref.autodiff.custom (autograd.Function primitives)."""

import math

import pytest
import torch
import torch.autograd.forward_ad as fwAD
from hypothesis import given, settings
from hypothesis import strategies as st

from nnref.autodiff import custom, dual
from nnref.autodiff.dual import Dual

F64 = torch.float64


@pytest.fixture(autouse=True, scope="module")
def one_thread():
    old = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(old)


def _rand(*shape, seed=0, positive=False):
    generator = torch.Generator().manual_seed(seed)
    t = torch.randn(*shape, dtype=F64, generator=generator)
    return t.abs() + 0.5 if positive else t


UNARY = {
    "exp": (dual.exp, torch.exp),
    "log": (dual.log, torch.log),
    "sin": (dual.sin, torch.sin),
    "cos": (dual.cos, torch.cos),
    "tanh": (dual.tanh, torch.tanh),
    "sigmoid": (dual.sigmoid, torch.sigmoid),
    "relu": (dual.relu, torch.relu),
}
BINARY = {
    "add": lambda a, b: a + b,
    "sub": lambda a, b: a - b,
    "mul": lambda a, b: a * b,
    "div": lambda a, b: a / b,
    "matmul": lambda a, b: a @ b,
}


@pytest.mark.parametrize("name", UNARY)
def test_unary_functions_give_torch_jvp(name):
    ours_f, torch_f = UNARY[name]
    x, v = _rand(3, 4, seed=1, positive=name == "log"), _rand(3, 4, seed=2)
    ours = dual.jvp(ours_f, (x,), (v,))
    theirs = torch.func.jvp(torch_f, (x,), (v,))
    for a, b in zip(ours, theirs, strict=True):
        torch.testing.assert_close(a, b)


@pytest.mark.parametrize("name", BINARY)
def test_binary_operators_give_torch_jvp(name):
    op = BINARY[name]
    shapes = ((3, 4), (4, 2)) if name == "matmul" else ((3, 4), (3, 4))
    a, b = _rand(*shapes[0], seed=3), _rand(*shapes[1], seed=4, positive=name == "div")
    va, vb = _rand(*shapes[0], seed=5), _rand(*shapes[1], seed=6)
    ours = dual.jvp(op, (a, b), (va, vb))
    theirs = torch.func.jvp(op, (a, b), (va, vb))
    for x, y in zip(ours, theirs, strict=True):
        torch.testing.assert_close(x, y)


def test_constants_broadcasting_and_reflected_operators():
    x, v = _rand(2, 3, seed=7, positive=True), _rand(2, 3, seed=8)
    c = _rand(3, seed=9, positive=True)
    const = _rand(5, 2, seed=10)

    def ours(x):
        return (2 - x) * 3 + 1 / x + c / x - x**2.5 + (const @ x).sum(0) + x.sum() + x.sum(1)[0]

    def theirs(x):
        return (2 - x) * 3 + 1 / x + c / x - x**2.5 + (const @ x).sum(0) + x.sum() + x.sum(1)[0]

    for a, b in zip(dual.jvp(ours, (x,), (v,)), torch.func.jvp(theirs, (x,), (v,)), strict=True):
        torch.testing.assert_close(a, b)
    # a constant added to a dual broadcasts the tangent too
    out = Dual(torch.zeros(3, dtype=F64), torch.ones(3, dtype=F64)) + torch.zeros(2, 3, dtype=F64)
    assert out.tangent.shape == (2, 3)


@settings(max_examples=30)
@given(rows=st.integers(1, 5), inner=st.integers(1, 5), cols=st.integers(1, 4))
def test_a_two_layer_network_on_random_shapes(rows, inner, cols):
    seed = rows * 100 + inner * 10 + cols
    w1, x = _rand(inner, rows, seed=seed), _rand(rows, cols, seed=seed + 1)
    w2 = _rand(2, inner, seed=seed + 2)
    vw1, vx = _rand(inner, rows, seed=seed + 3), _rand(rows, cols, seed=seed + 4)

    def ours(w1, x):
        return dual.sigmoid(w2 @ dual.tanh(w1 @ x)) * dual.exp(-(w1 @ x).sum())

    def theirs(w1, x):
        return torch.sigmoid(w2 @ torch.tanh(w1 @ x)) * torch.exp(-(w1 @ x).sum())

    ours_out = dual.jvp(ours, (w1, x), (vw1, vx))
    for a, b in zip(ours_out, torch.func.jvp(theirs, (w1, x), (vw1, vx)), strict=True):
        assert a.shape == b.shape == (2, cols)
        torch.testing.assert_close(a, b)


def test_dual_numbers_equal_forward_ad_make_dual():
    x, v = _rand(4, seed=11), _rand(4, seed=12)
    with fwAD.dual_level():
        dual_x = fwAD.make_dual(x, v)
        out = fwAD.unpack_dual(torch.sin(dual_x) * dual_x.sum())
    _, tangent = dual.jvp(lambda d: dual.sin(d) * d.sum(), (x,), (v,))
    torch.testing.assert_close(tangent, out.tangent)


def test_dual_bad_arguments():
    with pytest.raises(ValueError, match="tangent"):
        Dual(torch.zeros(2), torch.zeros(3))
    with pytest.raises(TypeError, match="primal"):
        Dual(torch.zeros(2, dtype=torch.int64), torch.zeros(2))
    with pytest.raises(TypeError, match="tangent"):
        Dual(torch.zeros(2), [0.0, 0.0])
    d = Dual(torch.zeros(2), torch.ones(2))
    with pytest.raises(TypeError, match="str"):
        d + "1"
    with pytest.raises(TypeError, match="exponent"):
        d ** torch.tensor(2.0)
    with pytest.raises(TypeError, match="Dual"):
        dual.exp(torch.zeros(2))
    with pytest.raises(ValueError, match="tangents"):
        dual.jvp(lambda a: a, (torch.zeros(2),), ())
    with pytest.raises(TypeError, match="return a Dual"):
        dual.jvp(lambda a: a.primal, (torch.zeros(2),), (torch.ones(2),))


def test_custom_functions_pass_gradcheck_and_equal_torch():
    x = _rand(2, 5, 3, seed=13).requires_grad_()
    w = _rand(4, 3, seed=14).requires_grad_()
    b = _rand(4, seed=15).requires_grad_()
    assert torch.autograd.gradcheck(custom.linear, (x, w, b))
    assert torch.autograd.gradcheck(custom.tanh, (x,))
    assert torch.autograd.gradcheck(custom.logsumexp, (x,))
    assert torch.autograd.gradgradcheck(custom.tanh, (x,))
    torch.testing.assert_close(custom.linear(x, w, b), torch.nn.functional.linear(x, w, b))
    torch.testing.assert_close(custom.tanh(x), torch.tanh(x))
    torch.testing.assert_close(custom.logsumexp(x), torch.logsumexp(x, dim=-1))
    big = torch.tensor([[1000.0, 1001.0], [-1000.0, -1001.0]], dtype=F64)
    torch.testing.assert_close(custom.logsumexp(big), torch.logsumexp(big, dim=-1))


def test_linear_function_skips_gradients_nobody_needs():
    x = _rand(3, 2, seed=16).requires_grad_()
    w, b = _rand(4, 2, seed=17), _rand(4, seed=18)  # constants
    out = custom.linear(x, w, b)
    (grad,) = torch.autograd.grad(out.sum(), x)
    torch.testing.assert_close(grad, torch.ones(3, 4, dtype=F64) @ w)
    assert type(out.grad_fn).__name__ == "LinearFunctionBackward"


def test_custom_bad_arguments():
    with pytest.raises(TypeError, match="x"):
        custom.tanh(torch.ones(2, dtype=torch.int64))
    with pytest.raises(ValueError, match="in_features=3"):
        custom.linear(torch.ones(2, 4), torch.ones(5, 3), torch.ones(5))
    with pytest.raises(ValueError, match="bias"):
        custom.linear(torch.ones(2, 3), torch.ones(5, 3), torch.ones(4))
    with pytest.raises(ValueError, match="weight"):
        custom.linear(torch.ones(2, 3), torch.ones(3), torch.ones(3))
    with pytest.raises(ValueError, match="last dimension"):
        custom.logsumexp(torch.tensor(1.0))


def test_derivative_of_a_newton_loop_is_the_analytic_one():
    # docs/en/foundations/differentiable-programming.md: d sqrt(a)/da = 1/(2 sqrt(a))
    a = torch.tensor(2.0, dtype=F64, requires_grad=True)
    x = torch.ones_like(a)
    for _ in range(6):
        x = (x + a / x) / 2
    (grad,) = torch.autograd.grad(x, a)
    assert math.isclose(grad.item(), 1 / (2 * math.sqrt(2)), rel_tol=1e-14)


@pytest.mark.parametrize("steps", [1, 4, 64])
def test_derivative_of_euler_steps_is_the_derivative_of_the_program(steps):
    k = torch.tensor(1.0, dtype=F64, requires_grad=True)
    y = torch.tensor(1.0, dtype=F64)
    for _ in range(steps):
        y = y - k * y / steps
    (grad,) = torch.autograd.grad(y, k)
    assert math.isclose(grad.item(), -((1 - 1 / steps) ** (steps - 1)), abs_tol=1e-14)
