"""Transformer encoder and decoder layers, their stacks and the full encoder-decoder model.

Every function takes the parameters of the matching ``torch.nn`` module by their names in
``module.named_parameters()`` (for example ``self_attn.in_proj_weight``, ``linear1.weight``,
``norm1.weight``), so ``dict(module.named_parameters())`` is a valid argument, and computes
what the module computes in eval mode (dropout off) from :func:`multi_head_attention`, affine
maps and a layer normalization written out here.

Post-LN (``norm_first=False``, the 2017 paper and torch's default) normalizes after each
residual sum: ``x = LN(x + Sublayer(x))``; pre-LN (``norm_first=True``) normalizes the input
of each sublayer and leaves the residual path untouched: ``x = x + Sublayer(LN(x))``.
"""

import math
import re
from collections.abc import Callable, Mapping

import torch

from nnref._checks import require_positive_int, require_tensor
from nnref.layers.attention import multi_head_attention

Params = Mapping[str, torch.Tensor]
Activation = str | Callable[[torch.Tensor], torch.Tensor]


def square_subsequent_mask(size: int, dtype: torch.dtype = torch.float32) -> torch.Tensor:
    """The float causal mask of ``nn.Transformer.generate_square_subsequent_mask(size)``.

    ``0`` on and below the diagonal, ``-inf`` above it: query ``i`` sees keys ``0..i``.
    """
    require_positive_int("size", size)
    upper = torch.ones(size, size, dtype=torch.bool).triu(diagonal=1)
    return torch.zeros(size, size, dtype=dtype).masked_fill(upper, float("-inf"))


def layer_norm(
    x: torch.Tensor, weight: torch.Tensor | None, bias: torch.Tensor | None, eps: float
) -> torch.Tensor:
    """Normalize the last dimension to mean 0 and variance 1 (biased), then scale and shift."""
    mean = x.mean(dim=-1, keepdim=True)
    variance = ((x - mean) ** 2).mean(dim=-1, keepdim=True)
    normalized = (x - mean) / torch.sqrt(variance + eps)
    if weight is not None:
        normalized = normalized * weight
    if bias is not None:
        normalized = normalized + bias
    return normalized


def _gelu(x: torch.Tensor) -> torch.Tensor:
    """The exact GELU ``x * Phi(x)`` (torch's default, ``approximate='none'``)."""
    return 0.5 * x * (1.0 + torch.erf(x / math.sqrt(2.0)))


def _activation(activation: Activation) -> Callable[[torch.Tensor], torch.Tensor]:
    if callable(activation):
        return activation
    if activation == "relu":
        return lambda x: x.clamp(min=0)
    if activation == "gelu":
        return _gelu
    raise ValueError(f"activation must be 'relu', 'gelu' or a callable, got {activation!r}")


def _sub(params: Params, prefix: str) -> dict[str, torch.Tensor]:
    """The entries of ``params`` under ``prefix.``, with the prefix removed."""
    start = prefix + "."
    return {name[len(start) :]: value for name, value in params.items() if name.startswith(start)}


def _require(params: Params, name: str) -> torch.Tensor:
    if name not in params:
        raise ValueError(f"params has no {name!r}; pass dict(module.named_parameters())")
    return require_tensor(name, params[name])


def _affine(x: torch.Tensor, params: Params, name: str) -> torch.Tensor:
    output = torch.matmul(x, _require(params, f"{name}.weight").transpose(0, 1))
    bias = params.get(f"{name}.bias")
    return output if bias is None else output + bias


def _norm(x: torch.Tensor, params: Params, name: str, eps: float) -> torch.Tensor:
    return layer_norm(x, _require(params, f"{name}.weight"), params.get(f"{name}.bias"), eps)


def feed_forward(x: torch.Tensor, params: Params, activation: Activation = "relu") -> torch.Tensor:
    """The position-wise feed-forward network ``linear2(activation(linear1(x)))``."""
    return _affine(_activation(activation)(_affine(x, params, "linear1")), params, "linear2")


def _check_model_input(name: str, x: torch.Tensor, params: Params, nhead: int) -> None:
    require_tensor(name, x)
    require_positive_int("nhead", nhead)
    d_model = _require(params, "linear1.weight").shape[1]
    if d_model % nhead:
        raise ValueError(f"d_model={d_model} is not divisible by nhead={nhead}")
    if x.dim() not in (2, 3) or x.shape[-1] != d_model:
        raise ValueError(
            f"{name} must have shape (L, N, d_model), (N, L, d_model) or (L, d_model) with "
            f"d_model={d_model}, got {tuple(x.shape)}"
        )


def _attend(
    query: torch.Tensor,
    key_value: torch.Tensor,
    attention: Params,
    nhead: int,
    mask: torch.Tensor | None,
    key_padding_mask: torch.Tensor | None,
    is_causal: bool,
    batch_first: bool,
) -> torch.Tensor:
    """The output of one attention sublayer (its weights are not needed)."""
    return multi_head_attention(
        query,
        key_value,
        key_value,
        attention,
        nhead,
        attn_mask=mask,
        key_padding_mask=key_padding_mask,
        need_weights=False,
        is_causal=is_causal,
        batch_first=batch_first,
    )[0]


def _residual_blocks(
    x: torch.Tensor,
    sublayers: list[Callable[[torch.Tensor], torch.Tensor]],
    params: Params,
    eps: float,
    norm_first: bool,
) -> torch.Tensor:
    """Each sublayer in turn, with its residual and its ``norm1``, ``norm2``, ... (pre or post)."""
    for index, sublayer in enumerate(sublayers, start=1):
        norm = f"norm{index}"
        if norm_first:
            x = x + sublayer(_norm(x, params, norm, eps))
        else:
            x = _norm(x + sublayer(x), params, norm, eps)
    return x


def transformer_encoder_layer(
    src: torch.Tensor,
    params: Params,
    nhead: int,
    *,
    src_mask: torch.Tensor | None = None,
    src_key_padding_mask: torch.Tensor | None = None,
    is_causal: bool = False,
    activation: Activation = "relu",
    layer_norm_eps: float = 1e-5,
    batch_first: bool = False,
    norm_first: bool = False,
) -> torch.Tensor:
    """One encoder layer: self-attention and a feed-forward network, each with a residual.

    Equals ``nn.TransformerEncoderLayer(d_model, nhead, ...)`` in eval mode.

    Args:
        src: ``(S, N, E)``, ``(N, S, E)`` with ``batch_first=True``, or ``(S, E)``.
        params: ``self_attn.*``, ``linear1.*``, ``linear2.*``, ``norm1.*``, ``norm2.*``.
        nhead: number of attention heads.
        src_mask: ``(S, S)`` or ``(N * nhead, S, S)``; boolean ``True`` = NOT allowed.
        src_key_padding_mask: ``(N, S)``; boolean ``True`` = padding, ignored as a key.
        is_causal: hint that ``src_mask`` is causal (it must be given).
        activation: ``"relu"``, ``"gelu"`` or a callable.
        layer_norm_eps: the ``eps`` of both layer normalizations.
        batch_first: layout of ``src``.
        norm_first: pre-LN instead of post-LN.
    """
    _check_model_input("src", src, params, nhead)
    attention = _sub(params, "self_attn")

    def self_attention(x: torch.Tensor) -> torch.Tensor:
        return _attend(
            x, x, attention, nhead, src_mask, src_key_padding_mask, is_causal, batch_first
        )

    def feed(x: torch.Tensor) -> torch.Tensor:
        return feed_forward(x, params, activation)

    return _residual_blocks(src, [self_attention, feed], params, layer_norm_eps, norm_first)


def transformer_decoder_layer(
    tgt: torch.Tensor,
    memory: torch.Tensor,
    params: Params,
    nhead: int,
    *,
    tgt_mask: torch.Tensor | None = None,
    memory_mask: torch.Tensor | None = None,
    tgt_key_padding_mask: torch.Tensor | None = None,
    memory_key_padding_mask: torch.Tensor | None = None,
    tgt_is_causal: bool = False,
    memory_is_causal: bool = False,
    activation: Activation = "relu",
    layer_norm_eps: float = 1e-5,
    batch_first: bool = False,
    norm_first: bool = False,
) -> torch.Tensor:
    """One decoder layer: masked self-attention, cross-attention to ``memory``, feed-forward.

    Equals ``nn.TransformerDecoderLayer(d_model, nhead, ...)`` in eval mode. ``params`` holds
    ``self_attn.*``, ``multihead_attn.*`` (the cross-attention), ``linear1.*``, ``linear2.*``
    and ``norm1.*`` to ``norm3.*``. ``tgt`` is ``(T, N, E)`` and ``memory`` ``(S, N, E)``
    (batch first with ``batch_first=True``); ``tgt_mask`` is ``(T, T)``, ``memory_mask``
    ``(T, S)``; boolean masks block where ``True``.
    """
    _check_model_input("tgt", tgt, params, nhead)
    _check_model_input("memory", memory, params, nhead)
    self_params, cross_params = _sub(params, "self_attn"), _sub(params, "multihead_attn")

    def self_attention(x: torch.Tensor) -> torch.Tensor:
        return _attend(
            x, x, self_params, nhead, tgt_mask, tgt_key_padding_mask, tgt_is_causal, batch_first
        )

    def cross_attention(x: torch.Tensor) -> torch.Tensor:
        return _attend(
            x,
            memory,
            cross_params,
            nhead,
            memory_mask,
            memory_key_padding_mask,
            memory_is_causal,
            batch_first,
        )

    def feed(x: torch.Tensor) -> torch.Tensor:
        return feed_forward(x, params, activation)

    sublayers = [self_attention, cross_attention, feed]
    return _residual_blocks(tgt, sublayers, params, layer_norm_eps, norm_first)


def _layers(params: Params) -> list[dict[str, torch.Tensor]]:
    """The per-layer parameters ``layers.0.*``, ``layers.1.*``, ... in order."""
    indices = sorted({int(m[1]) for name in params if (m := re.match(r"layers\.(\d+)\.", name))})
    if not indices:
        raise ValueError("params has no 'layers.0.*' entries: pass dict(stack.named_parameters())")
    if indices != list(range(len(indices))):
        raise ValueError(f"params has layers {indices}; expected 0..{len(indices) - 1}")
    return [_sub(params, f"layers.{index}") for index in indices]


def _final_norm(x: torch.Tensor, params: Params, eps: float) -> torch.Tensor:
    """The optional ``norm`` of a stack (``nn.Transformer`` always has one)."""
    return _norm(x, params, "norm", eps) if "norm.weight" in params else x


def transformer_encoder(
    src: torch.Tensor,
    params: Params,
    nhead: int,
    *,
    mask: torch.Tensor | None = None,
    src_key_padding_mask: torch.Tensor | None = None,
    is_causal: bool = False,
    activation: Activation = "relu",
    layer_norm_eps: float = 1e-5,
    batch_first: bool = False,
    norm_first: bool = False,
) -> torch.Tensor:
    """A stack of encoder layers (``layers.i.*``) and an optional final ``norm.*``.

    Equals ``nn.TransformerEncoder(layer, num_layers, norm)`` in eval mode, padded positions
    included (the nested-tensor fast path of torch returns zeros there instead).
    """
    x = src
    for layer in _layers(params):
        x = transformer_encoder_layer(
            x,
            layer,
            nhead,
            src_mask=mask,
            src_key_padding_mask=src_key_padding_mask,
            is_causal=is_causal,
            activation=activation,
            layer_norm_eps=layer_norm_eps,
            batch_first=batch_first,
            norm_first=norm_first,
        )
    return _final_norm(x, params, layer_norm_eps)


def transformer_decoder(
    tgt: torch.Tensor,
    memory: torch.Tensor,
    params: Params,
    nhead: int,
    *,
    tgt_mask: torch.Tensor | None = None,
    memory_mask: torch.Tensor | None = None,
    tgt_key_padding_mask: torch.Tensor | None = None,
    memory_key_padding_mask: torch.Tensor | None = None,
    tgt_is_causal: bool = False,
    memory_is_causal: bool = False,
    activation: Activation = "relu",
    layer_norm_eps: float = 1e-5,
    batch_first: bool = False,
    norm_first: bool = False,
) -> torch.Tensor:
    """A stack of decoder layers (``layers.i.*``) and an optional final ``norm.*``.

    Equals ``nn.TransformerDecoder(layer, num_layers, norm)`` in eval mode. Every layer
    attends to the same ``memory`` (the encoder's output).
    """
    x = tgt
    for layer in _layers(params):
        x = transformer_decoder_layer(
            x,
            memory,
            layer,
            nhead,
            tgt_mask=tgt_mask,
            memory_mask=memory_mask,
            tgt_key_padding_mask=tgt_key_padding_mask,
            memory_key_padding_mask=memory_key_padding_mask,
            tgt_is_causal=tgt_is_causal,
            memory_is_causal=memory_is_causal,
            activation=activation,
            layer_norm_eps=layer_norm_eps,
            batch_first=batch_first,
            norm_first=norm_first,
        )
    return _final_norm(x, params, layer_norm_eps)


def transformer(
    src: torch.Tensor,
    tgt: torch.Tensor,
    params: Params,
    nhead: int,
    *,
    src_mask: torch.Tensor | None = None,
    tgt_mask: torch.Tensor | None = None,
    memory_mask: torch.Tensor | None = None,
    src_key_padding_mask: torch.Tensor | None = None,
    tgt_key_padding_mask: torch.Tensor | None = None,
    memory_key_padding_mask: torch.Tensor | None = None,
    activation: Activation = "relu",
    layer_norm_eps: float = 1e-5,
    batch_first: bool = False,
    norm_first: bool = False,
) -> torch.Tensor:
    """The encoder-decoder model: ``decoder(tgt, encoder(src))``; equals ``nn.Transformer``.

    ``params`` holds ``encoder.layers.i.*``, ``encoder.norm.*``, ``decoder.layers.i.*`` and
    ``decoder.norm.*``. ``src`` is ``(S, N, E)`` and ``tgt`` ``(T, N, E)`` (batch first with
    ``batch_first=True``); the output has the shape of ``tgt``. No mask is applied unless
    given: pass ``tgt_mask=square_subsequent_mask(T)`` for a causal decoder.
    """
    options = {
        "activation": activation,
        "layer_norm_eps": layer_norm_eps,
        "batch_first": batch_first,
        "norm_first": norm_first,
    }
    memory = transformer_encoder(
        src,
        _sub(params, "encoder"),
        nhead,
        mask=src_mask,
        src_key_padding_mask=src_key_padding_mask,
        **options,
    )
    return transformer_decoder(
        tgt,
        memory,
        _sub(params, "decoder"),
        nhead,
        tgt_mask=tgt_mask,
        memory_mask=memory_mask,
        tgt_key_padding_mask=tgt_key_padding_mask,
        memory_key_padding_mask=memory_key_padding_mask,
        **options,
    )
