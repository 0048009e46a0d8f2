"""Linear maps, Jacobians and gradients: every derivative of the pages checked by autograd.

Covers nnref.autodiff.jacobian (analytic Jacobians and the chain rule) and
nnref.autodiff.numeric (finite differences, their cost and their error), and the facts about the
torch functions the pages teach (shapes, defaults, agreement of the modes).
"""

import inspect
import itertools
import math

import pytest
import torch
from hypothesis import given
from hypothesis import strategies as st
from torch.autograd.functional import hessian, jacobian
from torch.func import jacfwd, jacrev, jvp, vjp, vmap

from nnref.autodiff.jacobian import (
    chain_jacobian,
    linear_backward,
    linear_jacobian,
    linear_weight_jacobian,
    quadratic_form_gradient,
    relu_jacobian,
    sigmoid_jacobian,
    softmax,
    softmax_jacobian,
    tanh_jacobian,
)
from nnref.autodiff.numeric import (
    EvaluationCounter,
    central_difference_gradient,
    default_step,
    difference_errors,
    forward_difference_gradient,
    numerical_jacobian,
)

F64 = torch.float64
SIZES = st.integers(min_value=1, max_value=6)
SEEDS = st.integers(min_value=0, max_value=2**16)


@pytest.fixture(autouse=True, scope="module")
def _one_thread():
    old = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(old)


def _randn(seed: int, *shape: int) -> torch.Tensor:
    return torch.randn(*shape, generator=torch.Generator().manual_seed(seed), dtype=F64)


# --------------------------------------------------------------------------- linear maps


@given(m=SIZES, n=SIZES, seed=SEEDS)
def test_linear_map_jacobian_is_the_matrix(m, n, seed):
    weight, x, bias = _randn(seed, m, n), _randn(seed + 1, n), _randn(seed + 2, m)
    expected = jacobian(lambda v: weight @ v + bias, x)
    assert expected.shape == (m, n)
    torch.testing.assert_close(linear_jacobian(weight), expected)
    torch.testing.assert_close(jacrev(lambda v: weight @ v)(x), weight)
    torch.testing.assert_close(jacfwd(lambda v: weight @ v)(x), weight)


@given(m=SIZES, k=SIZES, n=SIZES, seed=SEEDS)
def test_composition_is_the_matrix_product(m, k, n, seed):
    first, second, x = _randn(seed, k, n), _randn(seed + 1, m, k), _randn(seed + 2, n)
    composed = jacobian(lambda v: second @ (first @ v), x)
    torch.testing.assert_close(composed, second @ first)
    torch.testing.assert_close(chain_jacobian(first, second), second @ first)


def test_nn_linear_computes_x_w_transpose_plus_b():
    torch.manual_seed(0)
    layer = torch.nn.Linear(4, 3).double()
    x = torch.randn(5, 4, dtype=F64)
    torch.testing.assert_close(layer(x), x @ layer.weight.T + layer.bias)
    assert layer.weight.shape == (3, 4)
    torch.testing.assert_close(jacobian(layer, x[0]), layer.weight.detach())


@given(n=SIZES, seed=SEEDS)
def test_gradient_of_a_dot_x_is_a(n, seed):
    a, x = _randn(seed, n), _randn(seed + 1, n).requires_grad_()
    (grad,) = torch.autograd.grad(a @ x, x)
    assert grad.shape == (n,)
    torch.testing.assert_close(grad, a)


@given(n=SIZES, seed=SEEDS)
def test_gradient_of_quadratic_form(n, seed):
    a, x = _randn(seed, n, n), _randn(seed + 1, n).requires_grad_()
    (grad,) = torch.autograd.grad(x @ a @ x, x)
    torch.testing.assert_close(quadratic_form_gradient(a, x.detach()), grad)
    torch.testing.assert_close(hessian(lambda v: v @ a @ v, x.detach()), a + a.T)


def test_quadratic_form_gradient_is_not_2ax_for_an_asymmetric_matrix():
    a, x = _randn(0, 4, 4), _randn(1, 4)
    assert not torch.allclose(quadratic_form_gradient(a, x), 2 * a @ x)
    symmetric = a + a.T
    torch.testing.assert_close(quadratic_form_gradient(symmetric, x), 2 * symmetric @ x)


@given(m=SIZES, n=SIZES, seed=SEEDS)
def test_weight_gradient_is_outer_product(m, n, seed):
    weight = _randn(seed, m, n).requires_grad_()
    x, probe = _randn(seed + 1, n), _randn(seed + 2, m)
    y = weight @ x
    loss = (probe * torch.sin(y)).sum()
    (grad,) = torch.autograd.grad(loss, weight)
    dl_dy = probe * torch.cos(y.detach())
    assert grad.shape == weight.shape
    torch.testing.assert_close(grad, torch.outer(dl_dy, x))
    # The same through the (m, m, n) Jacobian of W -> W x, contracted with dL/dy.
    weight_jacobian = linear_weight_jacobian(x, m)
    torch.testing.assert_close(weight_jacobian, jacobian(lambda w: w @ x, weight.detach()))
    torch.testing.assert_close(torch.einsum("i,ijk->jk", dl_dy, weight_jacobian), grad)


@given(batch=SIZES, m=SIZES, n=SIZES, seed=SEEDS)
def test_batch_linear_backward_matches_autograd(batch, m, n, seed):
    x = _randn(seed, batch, n).requires_grad_()
    weight = _randn(seed + 1, m, n).requires_grad_()
    bias = _randn(seed + 2, m).requires_grad_()
    grad_output = _randn(seed + 3, batch, m)
    out = torch.nn.functional.linear(x, weight, bias)
    out.backward(grad_output)
    grad_x, grad_w, grad_b = linear_backward(grad_output, x.detach(), weight.detach())
    assert (grad_x.shape, grad_w.shape, grad_b.shape) == (x.shape, weight.shape, bias.shape)
    torch.testing.assert_close(grad_x, x.grad)
    torch.testing.assert_close(grad_w, weight.grad)
    torch.testing.assert_close(grad_b, bias.grad)


# --------------------------------------------------------------------------- elementwise, softmax


@pytest.mark.parametrize(
    ("ours", "theirs"),
    [(tanh_jacobian, torch.tanh), (sigmoid_jacobian, torch.sigmoid), (relu_jacobian, torch.relu)],
    ids=["tanh", "sigmoid", "relu"],
)
@given(n=SIZES, seed=SEEDS)
def test_elementwise_jacobian_is_diagonal(ours, theirs, n, seed):
    x = 3 * _randn(seed, n)
    expected = jacobian(theirs, x)
    result = ours(x)
    assert result.shape == (n, n)
    torch.testing.assert_close(result, expected)
    torch.testing.assert_close(result, torch.diag(torch.diagonal(result)))


def test_elementwise_jacobians_at_extremes_and_kink():
    x = torch.tensor([-50.0, -1.0, 0.0, 1.0, 50.0], dtype=F64)
    torch.testing.assert_close(tanh_jacobian(x), jacobian(torch.tanh, x))
    torch.testing.assert_close(sigmoid_jacobian(x), jacobian(torch.sigmoid, x))
    # relu'(0) = 0 in torch's backward, and in ours.
    torch.testing.assert_close(relu_jacobian(x), jacobian(torch.relu, x))
    assert relu_jacobian(x)[2, 2] == 0


@given(n=SIZES, seed=SEEDS)
def test_softmax_jacobian(n, seed):
    z = 4 * _randn(seed, n)
    s = torch.softmax(z, dim=0)
    torch.testing.assert_close(softmax(z), s)
    result = softmax_jacobian(z)
    torch.testing.assert_close(result, jacobian(lambda v: torch.softmax(v, dim=0), z))
    torch.testing.assert_close(result, result.T)
    torch.testing.assert_close(result.sum(0), torch.zeros(n, dtype=F64), atol=1e-14, rtol=0)


def test_softmax_jacobian_values_of_the_page():
    z = torch.tensor([2.0, 1.0, 0.1], dtype=F64)
    expected = torch.tensor(
        [[0.2250, -0.1600, -0.0650], [-0.1600, 0.1840, -0.0240], [-0.0650, -0.0240, 0.0890]],
        dtype=F64,
    )
    torch.testing.assert_close(softmax_jacobian(z).round(decimals=3), expected)


@given(n=SIZES, hidden=SIZES, m=SIZES, seed=SEEDS)
def test_chain_rule_of_a_two_layer_network(n, hidden, m, seed):
    w1, b1 = _randn(seed, hidden, n), _randn(seed + 1, hidden)
    w2, b2 = _randn(seed + 2, m, hidden), _randn(seed + 3, m)
    x = _randn(seed + 4, n)

    def net(v):
        return torch.softmax(w2 @ torch.sigmoid(w1 @ v + b1) + b2, dim=0)

    a1 = w1 @ x + b1
    z2 = w2 @ torch.sigmoid(a1) + b2
    ours = chain_jacobian(
        linear_jacobian(w1), sigmoid_jacobian(a1), linear_jacobian(w2), softmax_jacobian(z2)
    )
    assert ours.shape == (m, n)
    torch.testing.assert_close(ours, jacrev(net)(x))
    torch.testing.assert_close(ours, jacfwd(net)(x))
    torch.testing.assert_close(ours, numerical_jacobian(net, x), atol=1e-8, rtol=1e-6)


# --------------------------------------------------------------------------- VJP, JVP, torch API


@given(m=SIZES, n=SIZES, seed=SEEDS)
def test_vjp_and_jvp_are_products_with_the_jacobian(m, n, seed):
    weight, x = _randn(seed, m, n), _randn(seed + 1, n)
    v, u = _randn(seed + 2, m), _randn(seed + 3, n)

    def f(t):
        return torch.tanh(weight @ t)

    full = tanh_jacobian(weight @ x) @ weight
    _, vjp_fn = vjp(f, x)
    (row,) = vjp_fn(v)
    assert row.shape == x.shape
    torch.testing.assert_close(row, v @ full)
    _, column = jvp(f, (x,), (u,))
    assert column.shape == (m,)
    torch.testing.assert_close(column, full @ u)


def test_jacobian_strategies_agree_and_forward_mode_needs_vectorize():
    weight, x = _randn(0, 3, 4), _randn(1, 4)

    def f(t):
        return torch.tanh(weight @ t)

    reference = jacobian(f, x)
    torch.testing.assert_close(jacobian(f, x, vectorize=True), reference)
    torch.testing.assert_close(jacobian(f, x, vectorize=True, strategy="forward-mode"), reference)
    with pytest.raises(NotImplementedError, match="vectorize=True"):
        jacobian(f, x, strategy="forward-mode")


def test_batched_jacobian_shape_and_per_example_jacobians():
    weight, x = _randn(0, 3, 4), _randn(1, 8, 4)

    def f(t):
        return torch.tanh(t @ weight.T)

    full = jacobian(f, x)
    assert full.shape == (8, 3, 8, 4)
    assert (full == 0).double().mean().item() == pytest.approx(7 / 8)
    per_example = vmap(jacrev(f))(x)
    assert per_example.shape == (8, 3, 4)
    torch.testing.assert_close(per_example, torch.stack([full[i, :, i] for i in range(8)]))


def test_torch_signatures_stated_on_the_pages():
    def defaults(function):
        return {
            name: p.default
            for name, p in inspect.signature(function).parameters.items()
            if p.default is not inspect.Parameter.empty
        }

    assert defaults(jacobian) == {
        "create_graph": False,
        "strict": False,
        "vectorize": False,
        "strategy": "reverse-mode",
    }
    assert defaults(hessian) == {
        "create_graph": False,
        "strict": False,
        "vectorize": False,
        "outer_jacobian_strategy": "reverse-mode",
    }
    assert defaults(jacrev)["argnums"] == 0 and defaults(jacrev)["has_aux"] is False
    assert defaults(jacrev)["chunk_size"] is None
    assert defaults(jacfwd)["argnums"] == 0 and defaults(jacfwd)["randomness"] == "error"
    assert defaults(vjp) == {"has_aux": False}
    assert defaults(jvp) == {"strict": False, "has_aux": False}
    assert defaults(torch.func.grad) == {"argnums": 0, "has_aux": False}
    check = defaults(torch.autograd.gradcheck)
    assert (check["eps"], check["atol"], check["rtol"]) == (1e-6, 1e-5, 1e-3)
    assert check["fast_mode"] is False and check["raise_exception"] is True
    grad = defaults(torch.autograd.grad)
    assert grad["grad_outputs"] is None and grad["retain_graph"] is None
    assert grad["create_graph"] is False and grad["allow_unused"] is None
    assert grad["only_inputs"] is True and grad["materialize_grads"] is False
    assert grad["is_grads_batched"] is False


def test_gradcheck_fails_in_float32_and_passes_in_float64():
    x = _randn(0, 3, 3)
    with pytest.warns(UserWarning, match="double precision"):
        ok32 = torch.autograd.gradcheck(
            torch.exp, (x.float().requires_grad_(),), raise_exception=False
        )
    assert not ok32
    assert torch.autograd.gradcheck(torch.exp, (x.requires_grad_(),))


# --------------------------------------------------------------------------- finite differences


def _logistic_problem(dtype=F64):
    # The data of the gradient page's snippets (global seed 0).
    with torch.random.fork_rng():
        torch.manual_seed(0)
        x = torch.randn(20, 10, dtype=F64)
        y = torch.randint(0, 2, (20,)).double() * 2 - 1
        w = torch.randn(10, dtype=F64)
    exact = -(x.T @ (y * torch.sigmoid(-y * (x @ w)))) / 20
    xd, yd = x.to(dtype), y.to(dtype)

    def loss(v):
        return torch.log1p(torch.exp(-yd * (xd @ v))).mean()

    return loss, w.to(dtype), exact


def test_hand_gradient_of_the_logistic_loss_is_autograds():
    loss, w, exact = _logistic_problem()
    w = w.clone().requires_grad_()
    (grad,) = torch.autograd.grad(loss(w), w)
    torch.testing.assert_close(grad, exact, atol=1e-15, rtol=1e-13)


@given(shape=st.lists(SIZES, min_size=1, max_size=3), seed=SEEDS)
def test_difference_gradients_match_autograd_within_the_error_bound(shape, seed):
    weight = _randn(seed, *shape)
    x = _randn(seed + 1, *shape).requires_grad_()

    def f(t):
        return (torch.sin(t) * weight).sum() + 0.5 * (t**2).sum()

    (exact,) = torch.autograd.grad(f(x), x)
    # Error bounds: forward h*|f''|/2 + 2 eps |f| / h with h = eps^(1/2), |f''| <= 1 + 1, and
    # |f| <= sum|weight| + sum t^2 / 2; central h^2 |f'''| / 6 + eps |f| / h with h = eps^(1/3).
    eps = torch.finfo(F64).eps
    size = (weight.abs().sum() + (x.detach() ** 2).sum()).item() + 1
    forward_bound = math.sqrt(eps) * 1.0 + 2 * math.sqrt(eps) * size
    central_bound = eps ** (2 / 3) / 6 * weight.abs().max().item() + eps ** (2 / 3) * size
    forward = forward_difference_gradient(f, x)
    central = central_difference_gradient(f, x)
    assert forward.shape == central.shape == x.shape
    assert (forward - exact).abs().max().item() <= forward_bound
    assert (central - exact).abs().max().item() <= central_bound


def test_truncation_orders_one_and_two():
    # Where truncation dominates, a 10 times smaller step divides the forward error by 10
    # and the central error by 100.
    loss, w, exact = _logistic_problem()
    forward = difference_errors(loss, w, exact, [1e-2, 1e-3, 1e-4], "forward")
    central = difference_errors(loss, w, exact, [1e-1, 1e-2, 1e-3], "central")
    for a, b in itertools.pairwise(forward):
        assert a / b == pytest.approx(10, rel=0.05)
    for a, b in itertools.pairwise(central):
        assert a / b == pytest.approx(100, rel=0.05)


@pytest.mark.parametrize(
    ("dtype", "scheme", "orders"),
    [
        (torch.float64, "forward", (-6, -7, -5)),
        (torch.float64, "central", (-8, -10, -8)),
        (torch.float32, "forward", (-2, -3, -1)),
        (torch.float32, "central", (-2, -4, -2)),
    ],
)
def test_default_step_is_the_bottom_of_the_v(dtype, scheme, orders):
    loss, w, exact = _logistic_problem(dtype)
    h = default_step(dtype, scheme)
    errors = difference_errors(loss, w, exact, [100 * h, h, h / 100], scheme)
    assert tuple(round(math.log10(e)) for e in errors) == orders
    assert errors[1] < min(errors[0], errors[2]) / 5


def test_figure_curve_minima_and_lost_steps_stated_in_the_caption():
    # The caption of gradient-finite-difference-error quotes these minima and thresholds.
    steps = [10.0 ** (-k / 4) for k in range(0, 57)]
    expected = {
        (torch.float64, "forward"): (1e-8, 3e-8, 3e-8, 1e-7),
        (torch.float64, "central"): (2e-11, 5e-11, 1e-5, 3e-5),
        (torch.float32, "forward"): (3e-4, 7e-4, 1e-3, 3e-3),
        (torch.float32, "central"): (1e-5, 2e-5, 1e-2, 3e-2),
    }
    for (dtype, scheme), (low, high, h_low, h_high) in expected.items():
        loss, w, exact = _logistic_problem(dtype)
        errors = difference_errors(loss, w, exact, steps, scheme)
        best = min(range(len(steps)), key=errors.__getitem__)
        assert low <= errors[best] <= high
        assert h_low <= steps[best] <= h_high
        # About 3-5 times the predicted step (on a grid of quarter decades).
        assert 2.5 <= steps[best] / default_step(dtype, scheme) <= 5.5
        if dtype == torch.float32:
            assert all(e == 1.0 for h, e in zip(steps, errors, strict=True) if h < 2e-8)
            assert max(errors) > 10


def test_default_steps_are_the_stated_values():
    assert default_step(torch.float64, "forward") == pytest.approx(1.49e-8, rel=1e-2)
    assert default_step(torch.float64, "central") == pytest.approx(6.06e-6, rel=1e-2)
    assert default_step(torch.float32, "forward") == pytest.approx(3.45e-4, rel=1e-2)
    assert default_step(torch.float32, "central") == pytest.approx(4.92e-3, rel=1e-2)


@given(n=st.integers(min_value=1, max_value=12))
def test_evaluation_counts(n):
    x = _randn(n, n)
    for method, calls in (
        (forward_difference_gradient, n + 1),
        (central_difference_gradient, 2 * n),
    ):
        counted = EvaluationCounter(lambda t: (t**3).sum())
        method(counted, x)
        assert counted.calls == calls
    counted = EvaluationCounter(torch.sin)
    numerical_jacobian(counted, x)
    assert counted.calls == 2 * n


@given(shape_in=st.lists(SIZES, min_size=1, max_size=2), m=SIZES, seed=SEEDS)
def test_numerical_jacobian_layout_matches_torch(shape_in, m, seed):
    x = _randn(seed, *shape_in)
    weight = _randn(seed + 1, m, shape_in[-1])

    def f(t):
        return torch.tanh(t @ weight.T)

    expected = jacobian(f, x)
    result = numerical_jacobian(f, x)
    assert result.shape == expected.shape == (*shape_in[:-1], m, *shape_in)
    torch.testing.assert_close(result, expected, atol=1e-9, rtol=1e-7)


def test_difference_at_a_kink_and_with_a_lost_step():
    x = torch.zeros(1, dtype=F64)
    assert central_difference_gradient(lambda t: torch.relu(t).sum(), x).item() == 0.5
    one = torch.ones(1)
    assert central_difference_gradient(lambda t: torch.sin(t).sum(), one, h=1e-8).item() == 0


def test_flop_ratio_of_backward_to_forward():
    from torch.utils.flop_counter import FlopCounterMode

    torch.manual_seed(0)
    net = torch.nn.Sequential(torch.nn.Linear(10, 20), torch.nn.Tanh(), torch.nn.Linear(20, 3))
    x = torch.randn(4, 10, requires_grad=True)
    with FlopCounterMode(display=False) as counter:
        loss = net(x).square().mean()
    forward = counter.get_total_flops()
    with FlopCounterMode(display=False) as counter:
        loss.backward()
    assert forward == 2 * 4 * (10 * 20 + 20 * 3)
    assert counter.get_total_flops() == 2 * forward


# --------------------------------------------------------------------------- bad arguments


def test_numeric_rejects_bad_arguments():
    x = torch.zeros(3, dtype=F64)
    with pytest.raises(TypeError, match="f must be callable"):
        central_difference_gradient(3, x)
    with pytest.raises(TypeError, match=r"x must be a torch\.Tensor"):
        forward_difference_gradient(torch.sum, [1.0, 2.0])
    with pytest.raises(TypeError, match="x must have a floating-point dtype"):
        central_difference_gradient(torch.sum, torch.zeros(3, dtype=torch.int64))
    with pytest.raises(ValueError, match="h must be a positive"):
        central_difference_gradient(torch.sum, x, h=0.0)
    with pytest.raises(ValueError, match="h must be a positive"):
        forward_difference_gradient(torch.sum, x, h=-1e-3)
    with pytest.raises(TypeError, match="h must be a number"):
        forward_difference_gradient(torch.sum, x, h="small")
    with pytest.raises(ValueError, match="f must return a single value"):
        central_difference_gradient(torch.sin, x)
    with pytest.raises(TypeError, match=r"f must return a torch\.Tensor"):
        numerical_jacobian(lambda t: 1.0, x)
    with pytest.raises(ValueError, match="scheme must be one of"):
        default_step(F64, "backward")
    with pytest.raises(TypeError, match="dtype must be a floating-point"):
        default_step(torch.int32)
    with pytest.raises(ValueError, match="exact must have the shape"):
        difference_errors(torch.sum, x, torch.zeros(2, dtype=F64), [1e-3])
    with pytest.raises(TypeError, match="function must be callable"):
        EvaluationCounter(None)


def test_jacobian_module_rejects_bad_arguments():
    with pytest.raises(ValueError, match="weight must be a matrix"):
        linear_jacobian(torch.zeros(3, dtype=F64))
    with pytest.raises(TypeError, match="weight must have a floating-point dtype"):
        linear_jacobian(torch.zeros(2, 3, dtype=torch.int64))
    with pytest.raises(ValueError, match="x must be a vector"):
        tanh_jacobian(torch.zeros(2, 2, dtype=F64))
    with pytest.raises(TypeError, match=r"z must be a torch\.Tensor"):
        softmax_jacobian([1.0, 2.0])
    with pytest.raises(ValueError, match="out_features must be positive"):
        linear_weight_jacobian(torch.zeros(3, dtype=F64), 0)
    with pytest.raises(ValueError, match="jacobians must hold"):
        chain_jacobian()
    with pytest.raises(ValueError, match=r"jacobians\[1\] has 2 columns"):
        chain_jacobian(torch.zeros(3, 4, dtype=F64), torch.zeros(5, 2, dtype=F64))
    with pytest.raises(ValueError, match="a must have shape"):
        quadratic_form_gradient(torch.zeros(2, 3, dtype=F64), torch.zeros(3, dtype=F64))
    with pytest.raises(ValueError, match="weight must have 4 columns"):
        linear_backward(
            torch.zeros(2, 3, dtype=F64), torch.zeros(2, 4, dtype=F64), torch.zeros(3, 5, dtype=F64)
        )
    with pytest.raises(ValueError, match="grad_output must have shape"):
        linear_backward(
            torch.zeros(2, 2, dtype=F64), torch.zeros(2, 4, dtype=F64), torch.zeros(3, 4, dtype=F64)
        )
