"""nnref.tensor.strides computes the layout torch gives every view, shape and reduction."""

import pytest
import torch
from hypothesis import given
from hypothesis import strategies as st

from nnref.tensor import strides as S

SIZES = st.integers(min_value=1, max_value=4)


@st.composite
def strided_tensors(draw, max_dims=4, allow_zero=False):
    """A view with a random shape: a permutation, maybe a step slice and an offset."""
    low = 0 if allow_zero else 1
    shape = draw(st.lists(st.integers(low, 4), min_size=0, max_size=max_dims))
    if not shape:
        return torch.tensor(7)
    step_axis = draw(st.integers(0, len(shape) - 1))
    step = draw(st.sampled_from([1, 2]))
    start = draw(st.sampled_from([0, 1]))
    base_shape = list(shape)
    base_shape[step_axis] = shape[step_axis] * step + start
    x = torch.arange(S.numel(base_shape)).reshape(base_shape)
    index = [slice(None)] * len(shape)
    index[step_axis] = slice(start, None, step)
    x = x[tuple(index)]
    order = draw(st.permutations(range(len(shape))))
    return x.permute(*order)


def _prime_factors(n: int) -> list[int]:
    factors, p = [], 2
    while n > 1:
        while n % p == 0:
            factors.append(p)
            n //= p
        p += 1
    return factors


@st.composite
def same_numel_shapes(draw, count: int, has_zero: bool = False):
    """A random shape with ``count`` elements, with random size-1 dimensions inserted."""
    ndim = draw(st.integers(0 if count == 1 else 1, 4))
    if has_zero:
        sizes = draw(st.lists(st.integers(0, 3), min_size=max(ndim, 1), max_size=max(ndim, 1)))
        if 0 not in sizes:
            sizes[draw(st.integers(0, len(sizes) - 1))] = 0
        return tuple(sizes)
    sizes = [1] * ndim
    for factor in _prime_factors(count):
        a = draw(st.integers(0, ndim - 1))
        sizes[a] *= factor
    if draw(st.booleans()):
        sizes.insert(draw(st.integers(0, len(sizes))), 1)
    return tuple(sizes)


# ---- contiguous strides, offsets, gathering -------------------------------------------------


@given(st.lists(st.integers(0, 5), max_size=5))
def test_contiguous_strides_equal_torch(shape):
    x = torch.empty(shape)
    assert S.contiguous_strides(shape) == x.stride()
    assert S.is_contiguous(shape, x.stride())
    assert S.numel(shape) == x.numel()


@given(strided_tensors(allow_zero=True))
def test_is_contiguous_equals_torch(x):
    assert S.is_contiguous(x.shape, x.stride()) == x.is_contiguous()


def test_two_by_three_layout_of_the_page():
    x = torch.arange(6.0).reshape(2, 3)
    assert S.contiguous_strides((2, 3)) == (3, 1) == x.stride()
    assert (
        S.permute_strides((2, 3), (3, 1), (1, 0)) == ((3, 2), (1, 3)) == (x.T.shape, x.T.stride())
    )
    assert S.element_offset((1, 2), (3, 1)) == 5
    assert S.element_offset((2, 1), (1, 3)) == 5  # x.T[2, 1] is x[1, 2]
    assert not S.is_contiguous((3, 2), (1, 3))
    assert S.view_strides((2, 3), (3, 1), (3, 2)) == (2, 1) == x.view(3, 2).stride()
    assert S.view_strides((3, 2), (1, 3), (6,)) is None


@given(strided_tensors())
def test_gather_reproduces_every_view(x):
    size = x.untyped_storage().nbytes() // x.element_size()
    storage = torch.empty(0, dtype=x.dtype).set_(x.untyped_storage(), 0, (size,), (1,))
    view = S.gather(storage, x.shape, x.stride(), x.storage_offset())
    torch.testing.assert_close(view, x)
    for index in [tuple(0 for _ in x.shape), tuple(d - 1 for d in x.shape)]:
        if x.numel():
            assert storage[S.element_offset(index, x.stride(), x.storage_offset())] == x[index]


# ---- view ---------------------------------------------------------------------------------


@given(st.data())
def test_view_strides_equal_torch_or_none_when_view_fails(data):
    x = data.draw(strided_tensors())
    new_shape = data.draw(same_numel_shapes(x.numel()))
    expected = None
    try:
        expected = x.view(new_shape).stride()
    except RuntimeError as error:
        assert "view size is not compatible" in str(error)
    assert S.view_strides(x.shape, x.stride(), new_shape) == expected
    # reshape is a view exactly when view_strides exists, and a copy otherwise
    shares = x.reshape(new_shape).data_ptr() == x.data_ptr() and x.numel() > 0
    if x.numel():
        assert shares == (expected is not None)


@given(st.data())
def test_view_strides_of_empty_tensors_equal_torch(data):
    shape = data.draw(same_numel_shapes(0, has_zero=True))
    x = torch.empty(shape)
    new_shape = data.draw(same_numel_shapes(0, has_zero=True))
    assert S.view_strides(x.shape, x.stride(), new_shape) == x.view(new_shape).stride()


def test_view_of_zero_dim_and_inferred_sizes():
    assert S.view_strides((), (), (1, 1)) == torch.tensor(3.0).view(1, 1).stride()
    x = torch.arange(24).reshape(2, 3, 4)
    assert S.view_strides(x.shape, x.stride(), (-1, 4)) == x.view(-1, 4).stride()
    assert S.infer_size((-1, 4), 24) == (6, 4)
    t = x.transpose(0, 1)  # (3, 2, 4), strides (4, 12, 1)
    assert S.view_strides(t.shape, t.stride(), (3, 8)) is None
    assert S.view_strides(t.shape, t.stride(), (3, 2, 2, 2)) == t.view(3, 2, 2, 2).stride()


@pytest.mark.parametrize(
    ("shape", "match"),
    [((4, 2), r"shape '\[4, 2\]' is invalid for input of size 6"), ((-1, -1), "only one")],
)
def test_infer_size_rejects_like_torch(shape, match):
    with pytest.raises(RuntimeError, match=match):
        torch.zeros(2, 3).view(shape)
    with pytest.raises(ValueError, match=match):
        S.infer_size(shape, 6)


# ---- broadcasting, expand, permute, squeeze, unsqueeze ----------------------------------------


@st.composite
def broadcastable_shapes(draw):
    result = draw(st.lists(SIZES, max_size=4))
    shapes = []
    for _ in range(draw(st.integers(1, 3))):
        keep = draw(st.integers(0, len(result)))
        tail = result[len(result) - keep :]
        shapes.append(tuple(draw(st.sampled_from([size, 1])) for size in tail))
    return shapes


@given(broadcastable_shapes())
def test_broadcast_shapes_equal_torch(shapes):
    assert S.broadcast_shapes(*shapes) == tuple(torch.broadcast_shapes(*shapes))
    total = sum(torch.zeros(s) for s in shapes)
    assert tuple(total.shape) == S.broadcast_shapes(*shapes)


@given(st.lists(st.integers(2, 4), min_size=1, max_size=3), st.data())
def test_broadcast_mismatch_raises_like_torch(shape, data):
    axis = data.draw(st.integers(0, len(shape) - 1))
    other = list(shape)
    other[axis] += 1
    with pytest.raises(RuntimeError):
        torch.broadcast_shapes(tuple(shape), tuple(other))
    with pytest.raises(ValueError, match="shapes"):
        S.broadcast_shapes(tuple(shape), tuple(other))


@given(st.data())
def test_expand_strides_equal_torch(data):
    shape = tuple(data.draw(st.lists(st.integers(1, 3), max_size=3)))
    x = torch.zeros(shape).permute(tuple(reversed(range(len(shape)))))
    lead = data.draw(st.lists(st.integers(0, 3), max_size=2))
    target = list(lead) + [
        data.draw(st.sampled_from([d, -1, 3])) if d == 1 else data.draw(st.sampled_from([d, -1]))
        for d in x.shape
    ]
    expanded = x.expand(tuple(target))
    assert S.expand_strides(x.shape, x.stride(), target) == expanded.stride()
    assert expanded.untyped_storage().data_ptr() == x.untyped_storage().data_ptr()


def test_expand_rejects_a_non_singleton_dim():
    with pytest.raises(RuntimeError):
        torch.zeros(2, 3).expand(4, 3)
    with pytest.raises(ValueError, match="new_shape"):
        S.expand_strides((2, 3), (3, 1), (4, 3))


@given(strided_tensors(allow_zero=True), st.data())
def test_permute_strides_equal_torch(x, data):
    dims = data.draw(st.permutations(range(x.dim())))
    dims = [d - x.dim() if data.draw(st.booleans()) else d for d in dims]
    y = x.permute(tuple(dims))
    assert S.permute_strides(x.shape, x.stride(), dims) == (tuple(y.shape), y.stride())


def test_transpose_mt_and_T_are_permutations():
    x = torch.zeros(2, 3, 4)
    assert S.permute_strides(x.shape, x.stride(), (0, 2, 1)) == (x.mT.shape, x.mT.stride())
    assert S.permute_strides(x.shape, x.stride(), (0, 2, 1)) == (
        x.transpose(1, 2).shape,
        x.transpose(1, 2).stride(),
    )


def test_permute_rejects_like_torch():
    x = torch.zeros(2, 3)
    with pytest.raises(RuntimeError, match="duplicate dims"):
        x.permute(0, 0)
    with pytest.raises(ValueError, match="dims"):
        S.permute_strides((2, 3), (3, 1), (0, 0))
    with pytest.raises(ValueError, match="dims"):
        S.permute_strides((2, 3), (3, 1), (0,))
    with pytest.raises(ValueError, match="dims"):
        S.permute_strides((2, 3), (3, 1), (0, 2))


@given(st.lists(st.integers(0, 3), max_size=4), st.data())
def test_squeeze_and_unsqueeze_shapes_equal_torch(shape, data):
    x = torch.zeros(shape)
    assert S.squeeze_shape(shape) == tuple(x.squeeze().shape)
    ndim = max(len(shape), 1)
    dims = data.draw(st.lists(st.integers(-ndim, ndim - 1), max_size=3, unique=True))
    if len({d % ndim for d in dims}) == len(dims):
        assert S.squeeze_shape(shape, tuple(dims)) == tuple(torch.squeeze(x, tuple(dims)).shape)
    for dim in range(-len(shape) - 1, len(shape) + 1):
        assert S.unsqueeze_shape(shape, dim) == tuple(torch.unsqueeze(x, dim).shape)


def test_squeeze_of_a_non_singleton_dim_is_a_no_op():
    assert tuple(torch.zeros(2, 3).squeeze(0).shape) == S.squeeze_shape((2, 3), 0) == (2, 3)
    with pytest.raises(ValueError, match="dim"):
        S.unsqueeze_shape((2, 3), 3)
    with pytest.raises(IndexError):
        torch.zeros(2, 3).unsqueeze(3)


# ---- reductions ----------------------------------------------------------------------------


@given(st.lists(st.integers(1, 3), max_size=4), st.data())
def test_reduced_shape_equals_torch(shape, data):
    x = torch.ones(shape)
    ndim = max(len(shape), 1)
    dim = data.draw(
        st.one_of(
            st.none(),
            st.integers(-ndim, ndim - 1),
            st.lists(st.integers(0, ndim - 1), max_size=ndim, unique=True).map(tuple),
        )
    )
    keepdim = data.draw(st.booleans())
    kwargs = {"dim": dim} if dim is not None else {"dim": tuple(range(x.dim()))}
    expected = tuple(x.sum(**kwargs, keepdim=keepdim).shape)
    assert S.reduced_shape(shape, dim, keepdim) == expected
    if not isinstance(dim, tuple) or dim:
        assert tuple(x.mean(**kwargs, keepdim=keepdim).shape) == expected
        assert tuple(x.std(**kwargs, correction=0, keepdim=keepdim).shape) == expected
    if isinstance(dim, int):
        values, indices = x.max(dim=dim, keepdim=keepdim)
        assert tuple(values.shape) == tuple(indices.shape) == expected


def test_reduction_argument_errors():
    with pytest.raises(RuntimeError, match="appears multiple times"):
        torch.zeros(2, 3).sum((0, 0))
    with pytest.raises(ValueError, match="dim"):
        S.reduced_shape((2, 3), (0, -2))
    with pytest.raises(IndexError, match="Dimension out of range"):
        torch.zeros(2, 3).sum(2)
    with pytest.raises(ValueError, match="dim out of range"):
        S.reduced_shape((2, 3), 2)
    with pytest.raises(TypeError, match="keepdim"):
        S.reduced_shape((2, 3), 0, keepdim=1)
    with pytest.raises(TypeError, match="shape"):
        S.contiguous_strides("23")
    with pytest.raises(ValueError, match=r"shape\[1\]"):
        S.contiguous_strides((2, -3))


def test_page_facts_about_dtypes_and_aggregation():
    """The facts the page states about dtypes, promotion and aggregation, checked on torch."""
    assert torch.get_default_dtype() == torch.float32
    assert torch.tensor([1, 2]).dtype == torch.int64
    assert torch.tensor([1.0, 2]).dtype == torch.float32
    assert torch.tensor([True]).dtype == torch.bool
    assert torch.result_type(torch.tensor([1]), 2.5) == torch.float32
    assert torch.result_type(torch.tensor([1], dtype=torch.int32), torch.tensor(7)) == torch.int32
    assert torch.result_type(torch.tensor([1], dtype=torch.int32), torch.tensor([7])) == torch.int64
    x = torch.tensor([1.0, 2.0, 3.0, 4.0])
    assert torch.std(x).item() == pytest.approx((5 / 3) ** 0.5)
    assert torch.std(x, correction=0).item() == pytest.approx((5 / 4) ** 0.5)
    with pytest.raises(RuntimeError, match="could not infer output dtype"):
        torch.tensor([1, 2]).mean()
    assert torch.tensor([1, 2]).sum().dtype == torch.int64
    assert torch.tensor([True, True]).sum().dtype == torch.int64
    assert torch.tensor([1, 2], dtype=torch.int32).sum().dtype == torch.int64


def test_the_tensor_class_constructor_makes_the_default_floating_type():
    """``torch.Tensor(data)`` follows ``torch.get_default_dtype()``, even for integer data."""
    old = torch.get_default_dtype()
    try:
        assert torch.Tensor([1, 2]).dtype == torch.float32
        torch.set_default_dtype(torch.float64)
        assert torch.Tensor([1, 2]).dtype == torch.float64
        assert torch.tensor([1.5]).dtype == torch.float64
    finally:
        torch.set_default_dtype(old)


def test_page_facts_about_floating_types():
    assert torch.finfo(torch.float16).max == 65504
    assert torch.finfo(torch.float16).eps == 2**-10  # 10 stored mantissa bits
    assert torch.finfo(torch.bfloat16).eps == 2**-7  # 7 stored mantissa bits
    assert torch.finfo(torch.bfloat16).max > 3e38 and torch.finfo(torch.float32).max < 3.5e38
    assert torch.ones(1, dtype=torch.bfloat16).element_size() == 2
    assert torch.ones(1, dtype=torch.float64).element_size() == 8
