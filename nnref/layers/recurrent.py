"""What RNN, LSTM and GRU share: torch's parameter layout and the sequence runner.

A recurrent layer is a *cell* (one time step, ``(x_t, state) -> state``) applied along a
sequence. ``torch.nn.RNN``, ``LSTM`` and ``GRU`` add the same machinery around their cells:
stacked layers (layer ``k`` reads the outputs of layer ``k - 1``), an optional reverse
direction whose outputs are concatenated to the forward ones, time-major or ``batch_first``
layout, unbatched input, and variable lengths (packed sequences). This module implements that
machinery once, reading the parameters by their torch names (``weight_ih_l0``,
``bias_hh_l1_reverse``, ``weight_hr_l0``...), so that ``dict(module.named_parameters())`` of a
torch module can be passed as it is.
"""

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import torch

from nnref._checks import require_floating, require_positive_int, require_tensor

# Number of stacked gate blocks in weight_ih / weight_hh: rows = GATES[mode] * hidden_size.
GATES = {"RNN": 1, "GRU": 3, "LSTM": 4}

State = torch.Tensor | tuple[torch.Tensor, torch.Tensor]
# A cell: (x_t, state, weight_ih, weight_hh, bias_ih, bias_hh, weight_hr) -> new state.
Cell = Callable[..., State]


def affine(x: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor | None) -> torch.Tensor:
    """``x W^T + b`` over the last dimension (``b`` optional)."""
    out = x @ weight.T
    return out if bias is None else out + bias


def check_cell(
    input: object,
    hx: object,
    weight_ih: object,
    weight_hh: object,
    bias_ih: object,
    bias_hh: object,
    gates: int,
    state_name: str = "hx",
    state_size: int | None = None,
) -> torch.Tensor:
    """Check the arguments of a cell and return ``hx`` (zeros when it is ``None``).

    ``weight_ih`` must be ``(gates*H, input_size)``, ``weight_hh`` ``(gates*H, R)`` where
    ``R`` is the size of the recurrent input (``H``, or ``proj_size`` for a projected LSTM),
    each bias ``(gates*H,)``; ``input`` is ``(N, input_size)`` or ``(input_size,)`` and
    ``hx`` ``(N, R)`` or ``(R,)``.

    Raises:
        TypeError: an argument is not a floating-point tensor.
        ValueError: a shape does not fit, with the argument's name in the message.
    """
    require_floating("input", require_tensor("input", input))
    for name, weight in (("weight_ih", weight_ih), ("weight_hh", weight_hh)):
        require_floating(name, require_tensor(name, weight))
        if weight.dim() != 2:
            raise ValueError(f"{name} must be 2-D, got shape {tuple(weight.shape)}")
    rows = weight_ih.shape[0]
    if rows % gates:
        raise ValueError(f"weight_ih has {rows} rows, not a multiple of the {gates} gates")
    if weight_hh.shape[0] != rows:
        raise ValueError(
            f"weight_hh must have {rows} rows like weight_ih, got {tuple(weight_hh.shape)}"
        )
    for name, bias in (("bias_ih", bias_ih), ("bias_hh", bias_hh)):
        if bias is not None:
            require_tensor(name, bias)
            if tuple(bias.shape) != (rows,):
                raise ValueError(f"{name} must have shape ({rows},), got {tuple(bias.shape)}")
    if input.dim() not in (1, 2):
        raise ValueError(f"input must be 1-D or 2-D (N, input_size), got {input.dim()}-D")
    if input.shape[-1] != weight_ih.shape[1]:
        raise ValueError(
            f"input has {input.shape[-1]} features, but weight_ih expects "
            f"input_size={weight_ih.shape[1]}"
        )
    size = weight_hh.shape[1] if state_size is None else state_size
    shape = (*input.shape[:-1], size)
    if hx is None:
        return input.new_zeros(shape)
    require_floating(state_name, require_tensor(state_name, hx))
    if tuple(hx.shape) != shape:
        raise ValueError(f"{state_name} must have shape {shape}, got {tuple(hx.shape)}")
    return hx


def parameter_names(
    num_layers: int = 1, bias: bool = True, bidirectional: bool = False, proj_size: int = 0
) -> list[str]:
    """The names of a recurrent module's parameters, in torch's registration order.

    Per layer ``k`` and direction (``""`` then ``"_reverse"``): ``weight_ih_l{k}``,
    ``weight_hh_l{k}``, then ``bias_ih_l{k}`` and ``bias_hh_l{k}`` if ``bias``, then
    ``weight_hr_l{k}`` if ``proj_size > 0``.
    """
    names = []
    for layer in range(num_layers):
        for suffix in ("", "_reverse") if bidirectional else ("",):
            kinds = ["weight_ih", "weight_hh"]
            kinds += ["bias_ih", "bias_hh"] if bias else []
            kinds += ["weight_hr"] if proj_size > 0 else []
            names += [f"{kind}_l{layer}{suffix}" for kind in kinds]
    return names


def _check_sizes(
    mode: str, input_size: int, hidden_size: int, num_layers: int, proj_size: int
) -> None:
    if mode not in GATES:
        raise ValueError(f"mode must be one of {sorted(GATES)}, got {mode!r}")
    require_positive_int("input_size", input_size)
    require_positive_int("hidden_size", hidden_size)
    require_positive_int("num_layers", num_layers)
    if isinstance(proj_size, bool) or not isinstance(proj_size, int):
        raise TypeError(f"proj_size must be an int, got {type(proj_size).__name__}")
    if proj_size < 0:
        raise ValueError(f"proj_size must be >= 0 (0 disables the projection), got {proj_size}")
    if proj_size > 0 and mode != "LSTM":
        raise ValueError(f"proj_size is only supported by LSTM, not {mode}")
    if proj_size and proj_size >= hidden_size:
        raise ValueError(
            f"proj_size ({proj_size}) must be smaller than hidden_size ({hidden_size})"
        )


def parameter_shapes(
    mode: str,
    input_size: int,
    hidden_size: int,
    num_layers: int = 1,
    bias: bool = True,
    bidirectional: bool = False,
    proj_size: int = 0,
) -> dict[str, tuple[int, ...]]:
    """Name -> shape of every parameter of ``torch.nn.<mode>`` with these arguments.

    ``mode`` is ``"RNN"``, ``"LSTM"`` or ``"GRU"``. With ``G`` gate blocks (1, 4, 3),
    ``H`` = ``hidden_size``, ``H_out`` = ``proj_size or hidden_size`` and ``D`` directions:
    ``weight_ih_l0`` is ``(G*H, input_size)``, ``weight_ih_l{k>0}`` is ``(G*H, D*H_out)``,
    ``weight_hh`` is ``(G*H, H_out)``, each bias ``(G*H,)`` and ``weight_hr`` ``(H_out, H)``.
    """
    _check_sizes(mode, input_size, hidden_size, num_layers, proj_size)
    rows = GATES[mode] * hidden_size
    out = proj_size or hidden_size
    directions = 2 if bidirectional else 1
    shapes = {}
    for name in parameter_names(num_layers, bias, bidirectional, proj_size):
        kind, layer = name.split("_l")[0], int(name.split("_l")[1].removesuffix("_reverse"))
        if kind == "weight_ih":
            shapes[name] = (rows, input_size if layer == 0 else directions * out)
        elif kind == "weight_hh":
            shapes[name] = (rows, out)
        elif kind == "weight_hr":
            shapes[name] = (proj_size, hidden_size)
        else:
            shapes[name] = (rows,)
    return shapes


def recurrent_parameters(
    mode: str,
    input_size: int,
    hidden_size: int,
    num_layers: int = 1,
    bias: bool = True,
    bidirectional: bool = False,
    proj_size: int = 0,
) -> dict[str, torch.Tensor]:
    """Draw the default parameters of ``torch.nn.<mode>(input_size, hidden_size, ...)``.

    Every weight and bias is uniform on ``[-1/sqrt(hidden_size), 1/sqrt(hidden_size)]`` (the
    bound depends on ``hidden_size``, not on the fan-in), drawn from the global generator in
    torch's registration order, so that after the same ``torch.manual_seed`` the tensors equal
    the module's.
    """
    shapes = parameter_shapes(
        mode, input_size, hidden_size, num_layers, bias, bidirectional, proj_size
    )
    bound = 1.0 / math.sqrt(hidden_size)
    return {name: torch.empty(shape).uniform_(-bound, bound) for name, shape in shapes.items()}


def recurrent_parameter_count(
    mode: str,
    input_size: int,
    hidden_size: int,
    num_layers: int = 1,
    bias: bool = True,
    bidirectional: bool = False,
    proj_size: int = 0,
) -> int:
    """Number of trainable parameters of ``torch.nn.<mode>`` with these arguments.

    One layer and direction has ``G*H*(I + H_out)`` weights, ``2*G*H`` biases (two bias
    vectors) and ``H_out*H`` projection weights when ``proj_size > 0``.
    """
    shapes = parameter_shapes(
        mode, input_size, hidden_size, num_layers, bias, bidirectional, proj_size
    )
    return sum(math.prod(shape) for shape in shapes.values())


@dataclass(frozen=True)
class Layout:
    """Sizes of a recurrent module, read from its parameters."""

    input_size: int
    hidden_size: int
    num_layers: int
    bidirectional: bool
    bias: bool
    proj_size: int

    @property
    def directions(self) -> int:
        return 2 if self.bidirectional else 1

    @property
    def output_size(self) -> int:
        """Size of ``h_t`` (``proj_size`` when the LSTM projects, else ``hidden_size``)."""
        return self.proj_size or self.hidden_size


def read_layout(mode: str, params: Mapping[str, torch.Tensor]) -> Layout:
    """Infer the module's sizes from its named parameters and check every shape.

    Raises:
        TypeError: ``params`` is not a mapping of tensors.
        ValueError: a parameter is missing, unexpected or of the wrong shape.
    """
    if not isinstance(params, Mapping):
        raise TypeError(
            "params must be a mapping name -> tensor, e.g. dict(module.named_parameters()), "
            f"got {type(params).__name__}"
        )
    for name in ("weight_ih_l0", "weight_hh_l0"):
        if name not in params:
            raise ValueError(f"params has no {name!r}; got {sorted(params)}")
        require_tensor(f"params[{name!r}]", params[name])
        if params[name].dim() != 2:
            raise ValueError(f"params[{name!r}] must be 2-D, got {tuple(params[name].shape)}")
    rows, input_size = params["weight_ih_l0"].shape
    if rows % GATES[mode]:
        raise ValueError(
            f"params['weight_ih_l0'] has {rows} rows, not a multiple of the {GATES[mode]} "
            f"gate blocks of {mode}"
        )
    hidden_size = rows // GATES[mode]
    num_layers = 1
    while f"weight_ih_l{num_layers}" in params:
        num_layers += 1
    proj_size = 0
    if "weight_hr_l0" in params:
        proj_size = params["weight_hr_l0"].shape[0]
        if proj_size >= hidden_size:
            raise ValueError(
                f"params['weight_hr_l0'] projects to proj_size={proj_size}, which must be "
                f"smaller than hidden_size={hidden_size}"
            )
    layout = Layout(
        input_size=input_size,
        hidden_size=hidden_size,
        num_layers=num_layers,
        bidirectional="weight_ih_l0_reverse" in params,
        bias="bias_ih_l0" in params,
        proj_size=proj_size,
    )
    expected = parameter_shapes(
        mode,
        input_size,
        hidden_size,
        num_layers,
        layout.bias,
        layout.bidirectional,
        proj_size,
    )
    unexpected = sorted(set(params) - set(expected))
    if unexpected:
        raise ValueError(f"params has unexpected entries {unexpected} for a {mode}")
    for name, shape in expected.items():
        if name not in params:
            raise ValueError(f"params has no {name!r} (a {mode} with these sizes needs it)")
        tensor = require_tensor(f"params[{name!r}]", params[name])
        if tuple(tensor.shape) != shape:
            raise ValueError(f"params[{name!r}] must have shape {shape}, got {tuple(tensor.shape)}")
    return layout


def _initial_state(
    name: str, state: object, shape: tuple[int, int, int], batched: bool
) -> torch.Tensor:
    """Check an initial state against ``shape`` (without its batch axis when unbatched)."""
    require_floating(name, require_tensor(name, state))
    expected = shape if batched else (shape[0], shape[2])
    if tuple(state.shape) != expected:
        raise ValueError(f"{name} must have shape {expected}, got {tuple(state.shape)}")
    return state if batched else state.unsqueeze(1)


def _check_lengths(lengths: object, batch: int, steps: int) -> torch.Tensor:
    if isinstance(lengths, torch.Tensor):
        if lengths.is_floating_point() or lengths.is_complex():
            raise TypeError(f"lengths must hold integers, got {lengths.dtype}")
        lengths = lengths.to("cpu", torch.int64)
    elif isinstance(lengths, Sequence) and all(
        isinstance(n, int) and not isinstance(n, bool) for n in lengths
    ):
        lengths = torch.tensor(list(lengths), dtype=torch.int64)
    else:
        raise TypeError(f"lengths must be a 1-D tensor or a list of ints, got {lengths!r}")
    if tuple(lengths.shape) != (batch,):
        raise ValueError(
            f"lengths must have one entry per sequence ({batch}), got shape {tuple(lengths.shape)}"
        )
    if batch and (lengths.min() < 1 or lengths.max() > steps):
        raise ValueError(f"lengths must lie in [1, {steps}] (the padded length), got {lengths}")
    return lengths


def _output(state: State) -> torch.Tensor:
    """The part of the state that is the layer's output ``h_t``."""
    return state[0] if isinstance(state, tuple) else state


def run_sequence(
    mode: str,
    cell: Cell,
    input: torch.Tensor,
    params: Mapping[str, torch.Tensor],
    hx: State | None,
    batch_first: bool,
    lengths: object,
) -> tuple[torch.Tensor, State]:
    """Apply ``cell`` along ``input`` for every layer and direction, as torch's modules do.

    Args:
        mode: ``"RNN"``, ``"LSTM"`` or ``"GRU"`` (the layout of ``params``).
        cell: one time step ``cell(x_t, state, w_ih, w_hh, b_ih, b_hh, w_hr) -> state``.
        input: ``(L, N, H_in)``, ``(N, L, H_in)`` with ``batch_first``, or ``(L, H_in)``.
        params: the module's named parameters.
        hx: initial state of shape ``(D*num_layers, N, H_out)`` (``(h_0, c_0)`` for LSTM,
            ``c_0`` of size ``hidden_size``); ``None`` means zeros.
        batch_first: whether ``input`` and the output put the batch first.
        lengths: ``None`` or the length of each sequence of a right-padded batch: steps past
            a sequence's end do not change its state and give zero outputs, which is what
            running a packed sequence computes.

    Returns:
        ``output`` of shape ``(L, N, D*H_out)`` (batch first or unbatched like ``input``) and
        the final state ``h_n`` (``(h_n, c_n)`` for LSTM) of shape ``(D*num_layers, N, *)``.
    """
    layout = read_layout(mode, params)
    require_floating("input", require_tensor("input", input))
    if input.dim() not in (2, 3):
        raise ValueError(
            f"input must be 2-D (L, H_in) unbatched or 3-D batched, got {input.dim()}-D"
        )
    if not isinstance(batch_first, bool):
        raise TypeError(f"batch_first must be a bool, got {type(batch_first).__name__}")
    if input.shape[-1] != layout.input_size:
        raise ValueError(
            f"input has {input.shape[-1]} features in its last dimension, but the parameters "
            f"expect input_size={layout.input_size}"
        )
    batched = input.dim() == 3
    if not batched and lengths is not None:
        raise ValueError("lengths needs a batched (3-D) input")
    # Work time-major with a batch dimension: x has shape (L, N, H_in).
    x = (input.transpose(0, 1) if batch_first else input) if batched else input.unsqueeze(1)
    steps, batch = x.shape[0], x.shape[1]
    mask = None
    if lengths is not None:
        lengths = _check_lengths(lengths, batch, steps)
        mask = torch.arange(steps).unsqueeze(1) < lengths  # (L, N): step t is real
    layers = layout.directions * layout.num_layers
    h_shape = (layers, batch, layout.output_size)
    c_shape = (layers, batch, layout.hidden_size)
    if mode == "LSTM":
        if hx is None:
            hx = (x.new_zeros(h_shape), x.new_zeros(c_shape))
        elif not isinstance(hx, tuple | list) or len(hx) != 2:
            raise TypeError(f"hx of an LSTM must be a pair (h_0, c_0), got {type(hx).__name__}")
        else:
            hx = (
                _initial_state("hx[0] (h_0)", hx[0], h_shape, batched),
                _initial_state("hx[1] (c_0)", hx[1], c_shape, batched),
            )
        initial: list[State] = [(hx[0][i], hx[1][i]) for i in range(layers)]
    else:
        hx = x.new_zeros(h_shape) if hx is None else _initial_state("hx", hx, h_shape, batched)
        initial = list(hx)
    finals: list[State] = []
    layer_input = x
    for layer in range(layout.num_layers):
        outputs = []
        for direction in range(layout.directions):
            suffix = f"_l{layer}" + ("_reverse" if direction else "")
            weights = [
                params.get(f"{kind}{suffix}")
                for kind in ("weight_ih", "weight_hh", "bias_ih", "bias_hh", "weight_hr")
            ]
            state = initial[layer * layout.directions + direction]
            out = [None] * steps
            order = range(steps - 1, -1, -1) if direction else range(steps)
            for t in order:
                new = cell(layer_input[t], state, *weights)
                if mask is not None:
                    keep = mask[t].unsqueeze(1)  # (N, 1): padding steps keep the old state
                    new = _where(keep, new, state)
                    out[t] = torch.where(keep, _output(new), 0.0)
                else:
                    out[t] = _output(new)
                state = new
            outputs.append(torch.stack(out))
            finals.append(state)
        layer_input = torch.cat(outputs, dim=-1)
    output = layer_input
    if mode == "LSTM":
        final: State = (
            torch.stack([s[0] for s in finals]),
            torch.stack([s[1] for s in finals]),
        )
    else:
        final = torch.stack(finals)
    if not batched:
        output = output.squeeze(1)
        final = tuple(s.squeeze(1) for s in final) if mode == "LSTM" else final.squeeze(1)
    elif batch_first:
        output = output.transpose(0, 1)
    return output, final


def _where(keep: torch.Tensor, new: State, old: State) -> State:
    if isinstance(new, tuple):
        return tuple(torch.where(keep, n, o) for n, o in zip(new, old, strict=True))
    return torch.where(keep, new, old)


def pack_padded(
    input: torch.Tensor,
    lengths: object,
    batch_first: bool = False,
    enforce_sorted: bool = True,
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor | None, torch.Tensor | None]:
    """The four fields of ``torch.nn.utils.rnn.pack_padded_sequence(input, lengths, ...)``.

    Sequences are ordered by decreasing length; ``data`` holds the real (non-padding) steps
    time step by time step, and ``batch_sizes[t]`` counts the sequences longer than ``t``,
    so a recurrent layer processes ``batch_sizes[t]`` rows at step ``t``.

    Returns:
        ``(data, batch_sizes, sorted_indices, unsorted_indices)``: ``data`` of shape
        ``(sum(lengths), *)``, ``batch_sizes`` an int64 tensor of length ``max(lengths)``,
        and the permutation to sorted order and back (``None`` when ``enforce_sorted``).
    """
    require_tensor("input", input)
    if input.dim() < 2:
        raise ValueError(f"input must have at least 2 dimensions (L, N, *), got {input.dim()}")
    x = input.transpose(0, 1) if batch_first else input
    lengths = _check_lengths(lengths, x.shape[1], x.shape[0])
    if enforce_sorted:
        if bool((lengths[1:] > lengths[:-1]).any()):
            raise ValueError(
                f"lengths must be sorted in decreasing order when enforce_sorted=True, got "
                f"{lengths.tolist()}; pass enforce_sorted=False to sort them"
            )
        sorted_indices = unsorted_indices = None
        order = torch.arange(len(lengths))
    else:
        lengths, sorted_indices = torch.sort(lengths, descending=True)
        unsorted_indices = torch.empty_like(sorted_indices)
        unsorted_indices[sorted_indices] = torch.arange(len(sorted_indices))
        order = sorted_indices
    steps = int(lengths.max())
    batch_sizes = torch.stack([(lengths > t).sum() for t in range(steps)])
    data = torch.cat([x[t, order[: int(batch_sizes[t])]] for t in range(steps)])
    return data, batch_sizes, sorted_indices, unsorted_indices
