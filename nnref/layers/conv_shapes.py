"""Convolution arithmetic: output sizes, ``padding="same"`` and the receptive field.

Per spatial dimension, with input size ``L``, kernel size ``k``, stride ``s``, padding ``p``
(on both sides), dilation ``d`` and output padding ``a``:

* convolution: ``L_out = floor((L + 2p - d(k - 1) - 1) / s) + 1``;
* transposed convolution: ``L_out = (L - 1)s - 2p + d(k - 1) + a + 1``, with ``a < max(s, d)``.

Every function takes an int (the same value for every dimension) or a tuple with one value per
spatial dimension, and raises ``TypeError``/``ValueError`` naming the argument, like PyTorch.
"""

from collections.abc import Sequence

PADDING_STRINGS = ("valid", "same")


def as_tuple(name: str, value: object, n: int, minimum: int) -> tuple[int, ...]:
    """Expand an int or a sequence of ``n`` ints into an ``n``-tuple, each ``>= minimum``.

    Raises:
        TypeError: ``value`` is not an int or a sequence of ints.
        ValueError: the sequence does not have ``n`` entries, or an entry is too small.
    """
    if isinstance(value, bool):
        raise TypeError(f"{name} must be an int or a tuple of ints, got bool")
    if isinstance(value, int):
        values = (value,) * n
    elif isinstance(value, Sequence) and not isinstance(value, str):
        values = tuple(value)
        if len(values) != n:
            raise ValueError(f"{name} must have {n} entries (one per dimension), got {value!r}")
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            raise TypeError(f"{name} must be an int or a tuple of ints, got {value!r}")
    else:
        raise TypeError(f"{name} must be an int or a tuple of ints, got {type(value).__name__}")
    if any(v < minimum for v in values):
        rule = "positive" if minimum == 1 else f">= {minimum}"
        raise ValueError(f"{name} must be {rule}, got {value!r}")
    return values


def _spatial(input_size: object) -> tuple[int, ...]:
    """The spatial input size as a tuple of positive ints (an int means one dimension)."""
    if isinstance(input_size, int) and not isinstance(input_size, bool):
        input_size = (input_size,)
    if not isinstance(input_size, Sequence) or isinstance(input_size, str) or not input_size:
        raise TypeError(f"input_size must be an int or a non-empty tuple, got {input_size!r}")
    return as_tuple("input_size", input_size, len(input_size), minimum=1)


def same_padding(
    kernel_size: object, dilation: object = 1, n: int = 1
) -> tuple[tuple[int, int], ...]:
    """The ``(left, right)`` zero padding of ``padding="same"`` in each of ``n`` dimensions.

    The total ``d(k - 1)`` is split as PyTorch splits it: ``left = total // 2`` and the odd
    extra element, if any, goes to the right (bottom, back).
    """
    if isinstance(kernel_size, Sequence):
        n = len(kernel_size)
    kernel = as_tuple("kernel_size", kernel_size, n, minimum=1)
    dil = as_tuple("dilation", dilation, n, minimum=1)
    pads = []
    for k, d in zip(kernel, dil, strict=True):
        total = d * (k - 1)
        pads.append((total // 2, total - total // 2))
    return tuple(pads)


def conv_padding(
    padding: object,
    kernel_size: tuple[int, ...],
    stride: tuple[int, ...],
    dilation: tuple[int, ...],
) -> tuple[tuple[int, int], ...]:
    """Resolve ``padding`` (int, tuple, ``"valid"`` or ``"same"``) into ``(left, right)`` pairs."""
    n = len(kernel_size)
    if isinstance(padding, str):
        if padding not in PADDING_STRINGS:
            raise ValueError(f"padding must be an int, a tuple, 'valid' or 'same', got {padding!r}")
        if padding == "valid":
            return ((0, 0),) * n
        if any(s != 1 for s in stride):
            raise ValueError(
                f"padding='same' needs stride 1 in every dimension, got stride={stride}"
            )
        return same_padding(kernel_size, dilation)
    return tuple((p, p) for p in as_tuple("padding", padding, n, minimum=0))


def conv_output_shape(
    input_size: object,
    kernel_size: object,
    stride: object = 1,
    padding: object = 0,
    dilation: object = 1,
) -> tuple[int, ...]:
    """Spatial output size of ``Conv1d/2d/3d`` (and of ``Unfold``'s block grid).

    Args:
        input_size: the spatial input size, e.g. ``(H, W)``; an int means one dimension.
        kernel_size: ``k`` per dimension.
        stride: ``s`` per dimension.
        padding: ``p`` per dimension (added on both sides), ``"valid"`` (no padding) or
            ``"same"`` (output size = input size; needs stride 1).
        dilation: ``d`` per dimension; the kernel spans ``d(k - 1) + 1`` input elements.

    Returns:
        ``floor((L + p_left + p_right - d(k - 1) - 1) / s) + 1`` for each dimension.

    Raises:
        ValueError: a bad argument, or the dilated kernel is larger than the padded input
            (the output would be empty); the message names the argument.
    """
    size = _spatial(input_size)
    n = len(size)
    kernel = as_tuple("kernel_size", kernel_size, n, minimum=1)
    step = as_tuple("stride", stride, n, minimum=1)
    dil = as_tuple("dilation", dilation, n, minimum=1)
    pads = conv_padding(padding, kernel, step, dil)
    output = []
    for dim, (length, k, s, d, (left, right)) in enumerate(
        zip(size, kernel, step, dil, pads, strict=True)
    ):
        span = d * (k - 1) + 1
        padded = length + left + right
        if padded < span:
            raise ValueError(
                f"kernel_size: the dilated kernel spans {span} elements in dimension {dim}, more "
                f"than the padded input_size {padded}; increase padding or the input size"
            )
        output.append((padded - span) // s + 1)
    return tuple(output)


def conv_transpose_output_shape(
    input_size: object,
    kernel_size: object,
    stride: object = 1,
    padding: object = 0,
    output_padding: object = 0,
    dilation: object = 1,
) -> tuple[int, ...]:
    """Spatial output size of ``ConvTranspose1d/2d/3d``.

    Args:
        input_size: the spatial input size; an int means one dimension.
        kernel_size: ``k`` per dimension.
        stride: ``s`` per dimension (the upsampling factor).
        padding: ``p`` per dimension, *removed* from both sides of the full result.
        output_padding: ``a`` per dimension, added to one side (the end); it must be smaller
            than ``max(s, d)`` and only picks one of the input sizes a strided convolution maps
            to the same output.
        dilation: ``d`` per dimension.

    Returns:
        ``(L - 1)s - 2p + d(k - 1) + a + 1`` for each dimension.

    Raises:
        ValueError: ``output_padding >= max(stride, dilation)``, a result below 1 (padding too
            large), or another bad argument; the message names the argument.
    """
    size = _spatial(input_size)
    n = len(size)
    kernel = as_tuple("kernel_size", kernel_size, n, minimum=1)
    step = as_tuple("stride", stride, n, minimum=1)
    pad = as_tuple("padding", padding, n, minimum=0)
    extra = as_tuple("output_padding", output_padding, n, minimum=0)
    dil = as_tuple("dilation", dilation, n, minimum=1)
    output = []
    # Like torch, check output_padding in every dimension before any size.
    for dim, (a, s, d) in enumerate(zip(extra, step, dil, strict=True)):
        if a >= max(s, d):
            raise ValueError(
                f"output_padding must be smaller than max(stride, dilation) = {max(s, d)} in "
                f"dimension {dim}, got {a}"
            )
    for dim, (length, k, s, p, a, d) in enumerate(
        zip(size, kernel, step, pad, extra, dil, strict=True)
    ):
        result = (length - 1) * s - 2 * p + d * (k - 1) + a + 1
        if result < 1:
            raise ValueError(
                f"padding {p} removes the whole output in dimension {dim} "
                f"(size would be {result}); reduce padding"
            )
        output.append(result)
    return tuple(output)


def receptive_field(
    kernel_sizes: Sequence[int],
    strides: Sequence[int] | None = None,
    dilations: Sequence[int] | None = None,
) -> int:
    """Receptive field, along one dimension, of one output element of a stack of convolutions.

    With ``J_l = s_1 s_2 ... s_{l-1}`` (the distance in input elements between neighbouring
    positions of layer ``l``), ``R = 1 + sum_l d_l (k_l - 1) J_l``. Padding does not change it.

    Args:
        kernel_sizes: kernel size of each layer, first layer first.
        strides: stride of each layer (default all 1).
        dilations: dilation of each layer (default all 1).
    """
    return receptive_fields(kernel_sizes, strides, dilations)[-1][0]


def receptive_fields(
    kernel_sizes: Sequence[int],
    strides: Sequence[int] | None = None,
    dilations: Sequence[int] | None = None,
) -> list[tuple[int, int]]:
    """Receptive field ``R_l`` and jump ``J_l`` after each layer of a stack (one dimension).

    Convolutions and poolings count alike: a ``k x k`` pooling window with stride ``s`` is a
    layer with kernel ``k`` and stride ``s``. Padding moves the field but does not change its
    size.

    Args:
        kernel_sizes: ``k_l`` of each layer, first layer first.
        strides: ``s_l`` of each layer (default all 1).
        dilations: ``d_l`` of each layer (default all 1).

    Returns:
        ``[(R_1, J_1), ..., (R_L, J_L)]`` with ``R_l = R_{l-1} + d_l (k_l - 1) J_{l-1}``,
        ``J_l = J_{l-1} s_l``, ``R_0 = J_0 = 1``.
    """
    if isinstance(kernel_sizes, int) or not isinstance(kernel_sizes, Sequence):
        raise TypeError(f"kernel_sizes must be a sequence of ints, got {kernel_sizes!r}")
    layers = len(kernel_sizes)
    if layers == 0:
        raise ValueError("kernel_sizes must name at least one layer")
    strides = [1] * layers if strides is None else list(strides)
    dilations = [1] * layers if dilations is None else list(dilations)
    for name, values in (("strides", strides), ("dilations", dilations)):
        if len(values) != layers:
            raise ValueError(f"{name} must have one entry per layer ({layers}), got {len(values)}")
    field, jump, result = 1, 1, []
    for index in range(layers):
        k = as_tuple(f"kernel_sizes[{index}]", kernel_sizes[index], 1, minimum=1)[0]
        s = as_tuple(f"strides[{index}]", strides[index], 1, minimum=1)[0]
        d = as_tuple(f"dilations[{index}]", dilations[index], 1, minimum=1)[0]
        field += d * (k - 1) * jump
        jump *= s
        result.append((field, jump))
    return result
