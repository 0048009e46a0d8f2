"""nnref.autodiff.engine computes the same gradients as torch.autograd, and fails like it."""

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from nnref.autodiff import engine
from nnref.autodiff.engine import Tensor, no_grad


@pytest.fixture(autouse=True, scope="module")
def one_thread():
    old = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(old)


def _pair(values: torch.Tensor, requires_grad: bool = True) -> tuple[Tensor, torch.Tensor]:
    """The same values as an engine tensor and as a torch leaf."""
    return Tensor(values.clone(), requires_grad), values.clone().requires_grad_(requires_grad)


def _close(ours: torch.Tensor | None, theirs: torch.Tensor | None) -> None:
    assert (ours is None) == (theirs is None)
    if ours is not None:
        torch.testing.assert_close(ours, theirs)


# ---- the page's example and single operations ----------------------------------------------


def test_the_page_example():
    x, tx = _pair(torch.tensor([5.0]))
    y, ty = _pair(torch.tensor([7.0]))
    f, tf = 3 * x**2 + 2 * y, 3 * tx**2 + 2 * ty
    f.backward()
    tf.backward()
    assert x.grad.tolist() == tx.grad.tolist() == [30.0]
    assert y.grad.tolist() == ty.grad.tolist() == [2.0]
    assert f.grad_fn.name == type(tf.grad_fn).__name__ == "AddBackward0"


UNARY = {
    "tanh": (lambda t: t.tanh(), lambda t: t.tanh()),
    "relu": (lambda t: t.relu(), lambda t: t.relu()),
    "exp": (lambda t: t.exp(), lambda t: t.exp()),
    "log": (lambda t: t.log(), lambda t: t.log()),
    "pow3": (lambda t: t**3, lambda t: t**3),
    "pow-half": (lambda t: t**0.5, lambda t: t**0.5),
    "neg": (lambda t: -t, lambda t: -t),
}


@pytest.mark.parametrize("name", UNARY)
def test_unary_gradients_equal_torch(name):
    ours_op, torch_op = UNARY[name]
    values = torch.tensor([[0.3, -1.2, 2.0], [1.5, 0.7, -0.4]], dtype=torch.float64)
    if name in ("log", "pow-half"):
        values = values.abs() + 0.1
    x, tx = _pair(values)
    upstream = torch.linspace(-1, 1, 6, dtype=torch.float64).reshape(2, 3)
    y, ty = ours_op(x), torch_op(tx)
    _close(y.data, ty.detach())
    y.backward(upstream)
    ty.backward(upstream)
    _close(x.grad, tx.grad)


@st.composite
def broadcast_pair(draw):
    """Two shapes that broadcast: a random result shape, operands with 1s and missing dims."""
    result = draw(st.lists(st.integers(1, 3), min_size=1, max_size=3))
    shapes = []
    for _ in range(2):
        keep = draw(st.integers(0, len(result)))
        tail = result[len(result) - keep :]
        shapes.append(tuple(draw(st.sampled_from([size, 1])) for size in tail))
    return shapes


@settings(max_examples=40)
@given(broadcast_pair(), st.sampled_from(["add", "sub", "mul", "div"]))
def test_broadcasting_binary_gradients_equal_torch(shapes, op):
    gen = torch.Generator().manual_seed(len(shapes[0]) * 7 + len(shapes[1]))
    a_values = torch.rand(shapes[0], generator=gen, dtype=torch.float64) + 0.5
    b_values = torch.rand(shapes[1], generator=gen, dtype=torch.float64) + 0.5
    a, ta = _pair(a_values)
    b, tb = _pair(b_values)
    apply = {
        "add": lambda p, q: p + q,
        "sub": lambda p, q: p - q,
        "mul": lambda p, q: p * q,
        "div": lambda p, q: p / q,
    }[op]
    out, tout = apply(a, b), apply(ta, tb)
    assert out.shape == tout.shape
    weights = torch.arange(tout.numel(), dtype=torch.float64).reshape(tout.shape)
    (out * weights).sum().backward()
    (tout * weights).sum().backward()
    assert a.grad.shape == a_values.shape and b.grad.shape == b_values.shape
    _close(a.grad, ta.grad)
    _close(b.grad, tb.grad)


@settings(max_examples=30)
@given(
    st.lists(st.integers(1, 3), max_size=2),
    st.integers(1, 4),
    st.integers(1, 4),
    st.integers(1, 4),
    st.booleans(),
)
def test_matmul_gradients_equal_torch(batch, n, k, m, broadcast_b):
    gen = torch.Generator().manual_seed(n * 100 + k * 10 + m)
    a_values = torch.randn(*batch, n, k, generator=gen, dtype=torch.float64)
    b_shape = (k, m) if broadcast_b else (*batch, k, m)
    b_values = torch.randn(b_shape, generator=gen, dtype=torch.float64)
    a, ta = _pair(a_values)
    b, tb = _pair(b_values)
    (a @ b).tanh().sum().backward()
    (ta @ tb).tanh().sum().backward()
    _close(a.grad, ta.grad)
    _close(b.grad, tb.grad)


@settings(max_examples=40)
@given(st.lists(st.integers(1, 3), min_size=0, max_size=3), st.data())
def test_sum_and_mean_gradients_equal_torch(shape, data):
    ndim = max(len(shape), 1)
    dim = data.draw(
        st.one_of(
            st.none(),
            st.integers(-ndim, ndim - 1),
            st.lists(st.integers(0, ndim - 1), min_size=1, max_size=ndim, unique=True).map(tuple),
        )
    )
    keepdim = data.draw(st.booleans())
    mean = data.draw(st.booleans())
    values = torch.arange(float(torch.Size(shape).numel())).reshape(shape).double()
    x, tx = _pair(values)
    kwargs = {} if dim is None else {"dim": dim, "keepdim": keepdim}
    y = x.mean(**kwargs) if mean else x.sum(**kwargs)
    ty = tx.mean(**kwargs) if mean else tx.sum(**kwargs)
    assert y.shape == ty.shape
    _close(y.data, ty.detach())
    upstream = torch.linspace(1, 2, ty.numel(), dtype=torch.float64).reshape(ty.shape)
    y.backward(upstream)
    ty.backward(upstream)
    _close(x.grad, tx.grad)


def test_reduction_validates_dim_like_torch():
    with pytest.raises(ValueError, match="dim"):
        Tensor(torch.zeros(2, 3), True).sum(dim=2)
    with pytest.raises(IndexError):
        torch.zeros(2, 3).sum(dim=2)


# ---- accumulation, graph release, leaves ---------------------------------------------------


def test_grad_accumulates_over_two_backward_calls():
    x, tx = _pair(torch.tensor([1.0, -2.0, 3.0]))
    for _ in range(2):
        (x * x).sum().backward()
        (tx * tx).sum().backward()
    assert x.grad.tolist() == tx.grad.tolist() == [4.0, -8.0, 12.0]  # 2 * (2x)
    x.grad, tx.grad = None, None  # what zero_grad(set_to_none=True) does
    (x * x).sum().backward()
    (tx * tx).sum().backward()
    assert x.grad.tolist() == tx.grad.tolist() == [2.0, -4.0, 6.0]


def test_a_tensor_used_twice_gets_both_contributions():
    x, tx = _pair(torch.tensor(3.0))
    (x * x + x.exp() * x).backward()
    (tx * tx + tx.exp() * tx).backward()
    _close(x.grad, tx.grad)


def test_second_backward_needs_retain_graph():
    x, tx = _pair(torch.tensor([1.0, 2.0]))
    y, ty = (x * x).sum(), (tx * tx).sum()
    y.backward()
    ty.backward()
    with pytest.raises(RuntimeError, match="backward through the graph a second time"):
        ty.backward()
    with pytest.raises(RuntimeError, match="backward through the graph a second time"):
        y.backward()
    x2, tx2 = _pair(torch.tensor([1.0, 2.0]))
    y2, ty2 = (x2 * x2).sum(), (tx2 * tx2).sum()
    y2.backward(retain_graph=True)
    ty2.backward(retain_graph=True)
    y2.backward()
    ty2.backward()
    assert x2.grad.tolist() == tx2.grad.tolist() == [4.0, 8.0]


@pytest.mark.parametrize(
    ("name", "fails"),
    [
        ("add-sum", False),
        ("sub-mean", False),
        ("neg-sum", False),
        ("mul-by-number", True),
        ("tanh", True),
        ("relu", True),
        ("matmul", True),
    ],
)
def test_second_backward_fails_only_through_nodes_that_saved_values(name, fails):
    """torch frees saved tensors; a graph of +, -, sum and mean saves none and runs again."""
    build = {
        "add-sum": lambda t, c: (t + 1).sum(),
        "sub-mean": lambda t, c: (t - 2).mean(),
        "neg-sum": lambda t, c: (-t).sum(),
        "mul-by-number": lambda t, c: (t * 2).sum(),
        "tanh": lambda t, c: t.tanh().sum(),
        "relu": lambda t, c: t.relu().sum(),
        "matmul": lambda t, c: (t @ c).sum(),
    }[name]
    x, tx = _pair(torch.tensor([[1.0, -2.0]]))
    column = torch.tensor([[1.0], [2.0]])
    y, ty = build(x, Tensor(column)), build(tx, column)
    y.backward()
    ty.backward()
    for tensor in (y, ty):
        if fails:
            with pytest.raises(RuntimeError, match="backward through the graph a second time"):
                tensor.backward()
        else:
            tensor.backward()
    if not fails:
        _close(x.grad, tx.grad)


def test_non_scalar_output_needs_a_gradient_vector():
    x, tx = _pair(torch.tensor([1.0, 2.0, 3.0]))
    y, ty = x * x, tx * tx
    with pytest.raises(RuntimeError, match="only for scalar outputs"):
        ty.backward()
    with pytest.raises(RuntimeError, match="only for scalar outputs"):
        y.backward()
    v = torch.tensor([1.0, 0.0, -1.0])
    y.backward(v)
    ty.backward(v)
    assert x.grad.tolist() == tx.grad.tolist() == [2.0, 0.0, -6.0]  # v^T J, J = diag(2x)


def test_leaves_non_leaves_and_retain_grad():
    x, tx = _pair(torch.tensor([1.0, 2.0]))
    h, th = x * 3, tx * 3
    assert x.is_leaf and tx.is_leaf and not h.is_leaf and not th.is_leaf
    h.retain_grad()
    th.retain_grad()
    (h * h).sum().backward()
    (th * th).sum().backward()
    _close(h.grad, th.grad)
    _close(x.grad, tx.grad)
    assert h.grad.tolist() == [6.0, 12.0]


def test_constants_get_no_gradient():
    x, tx = _pair(torch.tensor([1.0, 2.0]))
    c, tc = _pair(torch.tensor([5.0, 6.0]), requires_grad=False)
    (x * c).sum().backward()
    (tx * tc).sum().backward()
    assert c.grad is None and tc.grad is None
    with pytest.raises(RuntimeError, match="does not require grad"):
        (tc * 2).sum().backward()
    with pytest.raises(RuntimeError, match="does not require grad"):
        (c * 2).sum().backward()


def test_only_floating_tensors_require_grad():
    with pytest.raises(RuntimeError, match="floating point"):
        torch.tensor([1, 2]).requires_grad_()
    with pytest.raises(ValueError, match="requires_grad"):
        Tensor(torch.tensor([1, 2]), requires_grad=True)
    with pytest.raises(TypeError, match="requires_grad"):
        Tensor([1.0], requires_grad=1)


def test_no_grad_enable_grad_and_detach():
    x, tx = _pair(torch.tensor([1.0, 2.0]))
    with no_grad():
        y = x * 2
        with engine.enable_grad():
            z = x * 2
    with torch.no_grad():
        ty = tx * 2
        with torch.enable_grad():
            tz = tx * 2
    assert (y.requires_grad, y.grad_fn) == (ty.requires_grad, ty.grad_fn) == (False, None)
    assert z.requires_grad and tz.requires_grad
    assert engine.is_grad_enabled() and torch.is_grad_enabled()
    d, td = x.detach(), tx.detach()
    assert not d.requires_grad and not td.requires_grad
    assert d.data.data_ptr() == x.data.data_ptr() and td.data_ptr() == tx.data_ptr()
    # A detached branch stops the gradient: only the direct path counts.
    (x * x.detach()).sum().backward()
    (tx * tx.detach()).sum().backward()
    assert x.grad.tolist() == tx.grad.tolist() == [1.0, 2.0]


def test_requires_grad_flag_of_non_leaf_cannot_change():
    x, tx = _pair(torch.tensor([1.0]))
    with pytest.raises(RuntimeError, match="leaf variables"):
        (tx * 2).requires_grad_(False)
    with pytest.raises(RuntimeError, match="leaf variables"):
        (x * 2).requires_grad_(False)
    w = Tensor([2.0]).requires_grad_()
    assert w.requires_grad and w.is_leaf


# ---- a two-layer MLP: loss, gradients and SGD steps ----------------------------------------


def test_two_layer_mlp_gradients_and_sgd_steps_equal_torch():
    gen = torch.Generator().manual_seed(0)
    inputs = torch.randn(8, 3, generator=gen, dtype=torch.float64)
    targets = torch.randn(8, 1, generator=gen, dtype=torch.float64)
    init = [
        torch.randn(3, 5, generator=gen, dtype=torch.float64) * 0.5,
        torch.zeros(5, dtype=torch.float64),
        torch.randn(5, 1, generator=gen, dtype=torch.float64) * 0.5,
        torch.zeros(1, dtype=torch.float64),
    ]
    ours = [Tensor(p.clone(), True) for p in init]
    theirs = [p.clone().requires_grad_() for p in init]
    x, tx = Tensor(inputs), inputs
    y, ty = Tensor(targets), targets
    for activation in ("tanh", "relu"):
        for _ in range(3):
            w1, b1, w2, b2 = ours
            hidden = getattr(x @ w1 + b1, activation)()
            loss = ((hidden @ w2 + b2 - y) ** 2).mean()
            tw1, tb1, tw2, tb2 = theirs
            thidden = getattr(tx @ tw1 + tb1, activation)()
            tloss = ((thidden @ tw2 + tb2 - ty) ** 2).mean()
            _close(loss.data, tloss.detach())
            loss.backward()
            tloss.backward()
            for p, tp in zip(ours, theirs, strict=True):
                _close(p.grad, tp.grad)
            with no_grad(), torch.no_grad():
                for p, tp in zip(ours, theirs, strict=True):
                    p.data -= 0.1 * p.grad
                    tp -= 0.1 * tp.grad
                    p.grad, tp.grad = None, None
    for p, tp in zip(ours, theirs, strict=True):
        _close(p.data, tp.detach())


def test_page_facts_about_torch_autograd():
    """Defaults and errors the page states, checked on torch itself."""
    import inspect

    assert inspect.signature(torch.optim.Optimizer.zero_grad).parameters["set_to_none"].default
    assert inspect.signature(torch.nn.Module.zero_grad).parameters["set_to_none"].default
    params = inspect.signature(torch.Tensor.backward).parameters
    assert params["retain_graph"].default is None and params["create_graph"].default is False
    a = torch.tensor([1.0, 2.0], requires_grad=True)
    b = a.exp()
    b.mul_(2)
    with pytest.raises(RuntimeError, match="modified by an inplace operation"):
        b.sum().backward()
    with pytest.raises(RuntimeError, match="leaf Variable that requires grad"):
        a.add_(1)
    zero = torch.zeros(2, requires_grad=True)
    (zero.relu() + zero.abs()).sum().backward()
    assert zero.grad.tolist() == [0.0, 0.0]  # relu and abs take derivative 0 at 0
    with torch.inference_mode():
        q = a * 2
    assert q.is_inference() and not q.requires_grad
    with pytest.raises(RuntimeError, match="Inference tensors cannot be saved for backward"):
        (q * a).sum().backward()


def test_the_worked_neuron_example_of_the_page():
    """u = w x, z = u + b, a = tanh z, d = a - t, L = d^2 with w=0.5, x=2, b=-0.5, t=1."""
    w, tw = _pair(torch.tensor(0.5, dtype=torch.float64))
    b, tb = _pair(torch.tensor(-0.5, dtype=torch.float64))
    x, t = 2.0, 1.0
    z = w * x + b
    a = z.tanh()
    d = a - t
    loss = d**2
    for node in (z, a, d):
        node.retain_grad()
    loss.backward()
    ((torch.tanh(tw * x + tb) - t) ** 2).backward()
    shown = {
        "z": (z.item(), 0.5),
        "a": (a.item(), 0.462),
        "d": (d.item(), -0.538),
        "L": (loss.item(), 0.289),
        "d_bar": (d.grad.item(), -1.076),
        "a_bar": (a.grad.item(), -1.076),
        "z_bar": (z.grad.item(), -0.846),
        "b_bar": (b.grad.item(), -0.846),
        "w_bar": (w.grad.item(), -1.692),
    }
    for name, (value, rounded) in shown.items():
        assert round(value, 3) == rounded, name
    _close(w.grad, tw.grad)
    _close(b.grad, tb.grad)
