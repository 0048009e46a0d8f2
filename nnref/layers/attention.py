"""Scaled dot-product attention and multi-head attention, computed from their formulas.

``scaled_dot_product_attention`` computes ``softmax(Q K^T / sqrt(d_k) + M) V`` and equals
``torch.nn.functional.scaled_dot_product_attention`` (dropout off). ``multi_head_attention``
projects queries, keys and values, splits them into heads, attends in every head, concatenates
the heads and projects the result; given the parameters of a ``torch.nn.MultiheadAttention``
(``dict(module.named_parameters())``) it returns what the module returns in eval mode.

The two functions follow torch's two opposite conventions for boolean masks:
``scaled_dot_product_attention`` keeps the positions where the mask is ``True``;
``multi_head_attention`` (like ``nn.MultiheadAttention``) blocks them.
"""

import math
from collections.abc import Mapping

import torch

from nnref._checks import require_floating, require_positive_int, require_tensor


def softmax(scores: torch.Tensor) -> torch.Tensor:
    """Softmax over the last dimension; a row whose scores are all ``-inf`` gives zeros.

    ``exp(s - max)`` keeps the exponentials finite; a row that is masked everywhere has no
    maximum, so its weights are set to zero (what torch's fused attention returns) instead of
    the ``0/0 = nan`` of the textbook formula.
    """
    row_max = scores.amax(dim=-1, keepdim=True)
    fully_masked = row_max == float("-inf")
    safe_max = row_max.masked_fill(fully_masked, 0.0).detach()
    exponentials = torch.exp(scores - safe_max)
    total = exponentials.sum(dim=-1, keepdim=True)
    weights = exponentials / total.masked_fill(fully_masked, 1.0)
    return weights.masked_fill(fully_masked, 0.0)


def _additive_mask(mask: torch.Tensor, name: str, dtype: torch.dtype, *, true_means: str):
    """Turn a boolean or float mask into the float tensor added to the scores.

    ``true_means`` is ``"keep"`` (``F.scaled_dot_product_attention``) or ``"block"``
    (``nn.MultiheadAttention``): the position that gets ``-inf``.
    """
    require_tensor(name, mask)
    if mask.dtype == torch.bool:
        blocked = mask.logical_not() if true_means == "keep" else mask
        return torch.zeros(mask.shape, dtype=dtype, device=mask.device).masked_fill(
            blocked, float("-inf")
        )
    if not mask.is_floating_point():
        raise TypeError(f"{name} must be a bool or floating-point tensor, got {mask.dtype}")
    return mask.to(dtype)


def causal_mask(length: int, source_length: int | None = None) -> torch.Tensor:
    """Boolean ``(L, S)`` mask, ``True`` where query ``i`` may see key ``j`` (``j <= i``).

    This is the ``F.scaled_dot_product_attention`` convention (``True`` = allowed); its
    negation ``~causal_mask(L)`` is the ``nn.MultiheadAttention`` boolean causal mask.
    """
    require_positive_int("length", length)
    source_length = length if source_length is None else source_length
    require_positive_int("source_length", source_length)
    return torch.ones(length, source_length, dtype=torch.bool).tril()


def attention_weights(
    query: torch.Tensor,
    key: torch.Tensor,
    attn_mask: torch.Tensor | None = None,
    is_causal: bool = False,
    scale: float | None = None,
) -> torch.Tensor:
    """The attention matrix ``softmax(Q K^T * scale + M)`` of shape ``(..., L, S)``.

    Arguments are those of :func:`scaled_dot_product_attention` (boolean ``True`` = allowed).
    """
    require_floating("query", require_tensor("query", query))
    require_floating("key", require_tensor("key", key))
    if query.dim() < 2 or key.dim() < 2:
        raise ValueError(
            "query and key must have at least 2 dimensions (..., L, E) and (..., S, E), "
            f"got shapes {tuple(query.shape)} and {tuple(key.shape)}"
        )
    if query.shape[-1] != key.shape[-1]:
        raise ValueError(
            f"query and key must share the last dimension E, got query {tuple(query.shape)} "
            f"and key {tuple(key.shape)}"
        )
    length, source_length = query.shape[-2], key.shape[-2]
    scale = 1.0 / math.sqrt(query.shape[-1]) if scale is None else scale
    scores = torch.matmul(query, key.transpose(-2, -1)) * scale
    if is_causal:
        if attn_mask is not None:
            raise ValueError("pass either attn_mask or is_causal=True, not both")
        attn_mask = causal_mask(length, source_length).to(query.device)
    if attn_mask is not None:
        bias = _additive_mask(attn_mask, "attn_mask", scores.dtype, true_means="keep")
        try:
            torch.broadcast_shapes(bias.shape, scores.shape)
        except RuntimeError:
            raise ValueError(
                f"attn_mask of shape {tuple(bias.shape)} cannot be broadcast to the scores "
                f"of shape {tuple(scores.shape)} (..., L, S)"
            ) from None
        scores = scores + bias
    return softmax(scores)


def scaled_dot_product_attention(
    query: torch.Tensor,
    key: torch.Tensor,
    value: torch.Tensor,
    attn_mask: torch.Tensor | None = None,
    is_causal: bool = False,
    scale: float | None = None,
) -> torch.Tensor:
    """``softmax(Q K^T / sqrt(E) + M) V``, equal to ``F.scaled_dot_product_attention``.

    Args:
        query: ``(..., L, E)``.
        key: ``(..., S, E)``.
        value: ``(..., S, Ev)``.
        attn_mask: broadcastable to ``(..., L, S)``; boolean ``True`` = the query may attend to
            that key (``False`` adds ``-inf``), a float mask is added to the scores.
        is_causal: mask out the keys after each query (top-left aligned ``tril``); exclusive
            with ``attn_mask``.
        scale: the factor of ``Q K^T``; ``None`` means ``1 / sqrt(E)``.

    Returns:
        ``(..., L, Ev)``. A query whose keys are all masked gets a row of zeros, as in torch.
        There is no dropout: the result equals torch's with ``dropout_p=0``.
    """
    require_floating("value", require_tensor("value", value))
    if value.dim() < 2 or value.shape[-2] != key.shape[-2]:
        raise ValueError(
            f"value must have shape (..., S, Ev) with the S of key {tuple(key.shape)}, "
            f"got {tuple(value.shape)}"
        )
    weights = attention_weights(query, key, attn_mask, is_causal, scale)
    return torch.matmul(weights, value)


def _affine(x: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor | None) -> torch.Tensor:
    """``x W^T + b`` over the last dimension."""
    output = torch.matmul(x, weight.transpose(0, 1))
    return output if bias is None else output + bias


def _check_shape(name: str, tensor: torch.Tensor, shape: tuple[int, ...]) -> torch.Tensor:
    require_tensor(name, tensor)
    if tuple(tensor.shape) != shape:
        raise ValueError(f"{name} must have shape {shape}, got {tuple(tensor.shape)}")
    return tensor


def _projections(params: Mapping[str, torch.Tensor], embed_dim: int, kdim: int, vdim: int):
    """The query, key and value projection weights and biases, from packed or separate names."""
    bias = params.get("in_proj_bias")
    if bias is not None:
        _check_shape("in_proj_bias", bias, (3 * embed_dim,))
        biases = bias.chunk(3)
    else:
        biases = (None, None, None)
    if params.get("in_proj_weight") is not None:
        if kdim != embed_dim or vdim != embed_dim:
            raise ValueError(
                f"in_proj_weight packs q, k, v for kdim = vdim = embed_dim = {embed_dim}; "
                f"key has {kdim} and value {vdim} features: pass q_proj_weight, k_proj_weight "
                "and v_proj_weight instead"
            )
        weight = _check_shape(
            "in_proj_weight", params["in_proj_weight"], (3 * embed_dim, embed_dim)
        )
        return list(zip(weight.chunk(3), biases, strict=True))
    names = ("q_proj_weight", "k_proj_weight", "v_proj_weight")
    missing = [name for name in names if params.get(name) is None]
    if missing:
        raise ValueError(f"params needs in_proj_weight or all of {names}; missing {missing}")
    weights = [
        _check_shape(name, params[name], (embed_dim, dim))
        for name, dim in zip(names, (embed_dim, kdim, vdim), strict=True)
    ]
    return list(zip(weights, biases, strict=True))


def multi_head_attention(
    query: torch.Tensor,
    key: torch.Tensor,
    value: torch.Tensor,
    params: Mapping[str, torch.Tensor],
    num_heads: int,
    *,
    key_padding_mask: torch.Tensor | None = None,
    need_weights: bool = True,
    attn_mask: torch.Tensor | None = None,
    average_attn_weights: bool = True,
    is_causal: bool = False,
    batch_first: bool = False,
    add_zero_attn: bool = False,
) -> tuple[torch.Tensor, torch.Tensor | None]:
    """Multi-head attention with the parameters and conventions of ``nn.MultiheadAttention``.

    ``head_i = softmax(Q W_i^Q (K W_i^K)^T / sqrt(d_h) + M) V W_i^V`` for ``i = 1..num_heads``,
    ``output = concat(head_1, ..., head_h) W^O + b^O`` with ``d_h = embed_dim / num_heads``.

    Args:
        query: ``(L, N, E)``, or ``(N, L, E)`` with ``batch_first=True``, or unbatched ``(L, E)``.
        key: ``(S, N, kdim)`` (same layout as ``query``).
        value: ``(S, N, vdim)``.
        params: tensors named as in ``nn.MultiheadAttention.named_parameters()``:
            ``in_proj_weight`` ``(3E, E)`` (or ``q_proj_weight``, ``k_proj_weight``,
            ``v_proj_weight`` when ``kdim``/``vdim`` differ from ``E``), optional
            ``in_proj_bias`` ``(3E,)``, ``out_proj.weight`` ``(E, E)``, optional
            ``out_proj.bias``, optional ``bias_k`` and ``bias_v`` ``(1, 1, E)``.
        num_heads: number of heads; must divide ``embed_dim``.
        key_padding_mask: ``(N, S)`` (``(S,)`` unbatched); boolean ``True`` = ignore that key.
        need_weights: also return the attention weights.
        attn_mask: ``(L, S)`` or ``(N * num_heads, L, S)``; boolean ``True`` = NOT allowed.
        average_attn_weights: average the returned weights over the heads.
        is_causal: a hint that ``attn_mask`` is the causal mask; like torch, it needs
            ``attn_mask`` and does not change the result.
        batch_first: layout ``(N, L, E)`` instead of ``(L, N, E)``.
        add_zero_attn: append a key and a value of zeros to every head (and to the masks).

    Returns:
        ``(output, weights)``: output shaped like ``query``; weights ``(N, L, S')`` averaged or
        ``(N, num_heads, L, S')`` per head (``S'`` counts ``bias_k`` and the zero key), or
        ``None`` when ``need_weights=False``. Dropout is not applied (eval mode).
    """
    for name, tensor in (("query", query), ("key", key), ("value", value)):
        require_floating(name, require_tensor(name, tensor))
    require_positive_int("num_heads", num_heads)
    if query.dim() not in (2, 3):
        raise ValueError(f"query must be 2-D (unbatched) or 3-D, got {query.dim()}-D")
    if key.dim() != query.dim() or value.dim() != query.dim():
        raise ValueError(
            f"key and value must have as many dimensions as query ({query.dim()}), "
            f"got {key.dim()} and {value.dim()}"
        )
    batched = query.dim() == 3
    if not batched:
        query, key, value = (t.unsqueeze(1) for t in (query, key, value))
        if key_padding_mask is not None:
            key_padding_mask = key_padding_mask.unsqueeze(0)
    elif batch_first:
        query, key, value = (t.transpose(0, 1) for t in (query, key, value))
    length, batch, embed_dim = query.shape
    source_length = key.shape[0]
    if embed_dim % num_heads:
        raise ValueError(f"embed_dim={embed_dim} is not divisible by num_heads={num_heads}")
    if key.shape[:2] != value.shape[:2] or key.shape[1] != batch:
        raise ValueError(
            "key and value must share the sequence length S and the batch size N of query, "
            f"got query {tuple(query.shape)}, key {tuple(key.shape)}, value {tuple(value.shape)}"
        )
    head_dim = embed_dim // num_heads
    (w_q, b_q), (w_k, b_k), (w_v, b_v) = _projections(
        params, embed_dim, key.shape[-1], value.shape[-1]
    )
    q, k, v = _affine(query, w_q, b_q), _affine(key, w_k, b_k), _affine(value, w_v, b_v)

    # One additive mask of shape (N, num_heads or 1, L, S): attn_mask plus key_padding_mask.
    bias = torch.zeros(1, 1, 1, source_length, dtype=q.dtype, device=q.device)
    if attn_mask is not None:
        mask = _additive_mask(attn_mask, "attn_mask", q.dtype, true_means="block")
        if tuple(mask.shape) == (length, source_length):
            bias = bias + mask
        elif tuple(mask.shape) == (batch * num_heads, length, source_length):
            bias = bias + mask.view(batch, num_heads, length, source_length)
        else:
            raise ValueError(
                f"attn_mask must have shape ({length}, {source_length}) or "
                f"({batch * num_heads}, {length}, {source_length}), got {tuple(mask.shape)}"
            )
    elif is_causal:
        raise ValueError("is_causal=True is only a hint: pass the causal attn_mask as well")
    if key_padding_mask is not None:
        mask = _additive_mask(key_padding_mask, "key_padding_mask", q.dtype, true_means="block")
        if tuple(mask.shape) != (batch, source_length):
            expected = f"({batch}, {source_length})" if batched else f"({source_length},)"
            shape = tuple(mask.shape) if batched else tuple(mask.shape[1:])
            raise ValueError(f"key_padding_mask must have shape {expected}, got {shape}")
        bias = bias + mask.view(batch, 1, 1, source_length)

    bias_k, bias_v = params.get("bias_k"), params.get("bias_v")
    if (bias_k is None) != (bias_v is None):
        raise ValueError("params must hold both bias_k and bias_v or neither")
    if bias_k is not None:
        k = torch.cat([k, _check_shape("bias_k", bias_k, (1, 1, embed_dim)).expand(1, batch, -1)])
        v = torch.cat([v, _check_shape("bias_v", bias_v, (1, 1, embed_dim)).expand(1, batch, -1)])
        bias = torch.nn.functional.pad(bias, (0, 1))

    # (S, N, E) -> (N, num_heads, S, head_dim): head h holds features h*head_dim ... .
    def split(t: torch.Tensor) -> torch.Tensor:
        return t.reshape(t.shape[0], batch, num_heads, head_dim).permute(1, 2, 0, 3)

    q, k, v = split(q), split(k), split(v)
    if add_zero_attn:
        zeros = torch.zeros(batch, num_heads, 1, head_dim, dtype=k.dtype, device=k.device)
        k, v = torch.cat([k, zeros], dim=2), torch.cat([v, zeros], dim=2)
        bias = torch.nn.functional.pad(bias, (0, 1))

    scores = torch.matmul(q, k.transpose(-2, -1)) / math.sqrt(head_dim) + bias
    weights = softmax(scores)  # (N, num_heads, L, S')
    heads = torch.matmul(weights, v)  # (N, num_heads, L, head_dim)
    concat = heads.permute(2, 0, 1, 3).reshape(length, batch, embed_dim)
    output = _affine(concat, params["out_proj.weight"], params.get("out_proj.bias"))

    if not batched:
        output, weights = output.squeeze(1), weights.squeeze(0)
    elif batch_first:
        output = output.transpose(0, 1)
    if not need_weights:
        return output, None
    if average_attn_weights:
        weights = weights.mean(dim=-3)
    return output, weights
