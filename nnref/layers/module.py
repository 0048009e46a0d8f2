"""A minimal ``nn.Module``: what registration by attribute assignment does, in 300 lines.

``TinyModule`` keeps the same four registries as ``torch.nn.Module`` (``_parameters``,
``_buffers``, ``_modules`` and the set of non-persistent buffer names) and fills them in
``__setattr__``: assigning an ``nn.Parameter`` registers a parameter, assigning a ``TinyModule``
registers a submodule, assigning an ``nn.Buffer`` (or calling ``register_buffer``) registers a
buffer, and anything else is a plain attribute. Every other feature is a walk over that tree:
``named_parameters``, ``state_dict``, ``load_state_dict``, ``train``/``eval`` and forward hooks.

torch's own ``nn.Parameter`` and ``nn.Buffer`` are used as the markers (they are the tensor
types an optimizer and a checkpoint expect); the registration and the tree walks are written
here. The tests build the same network with ``TinyModule`` and with ``nn.Module`` and check
that names, order, state-dict keys, training flags and hook calls are identical.
"""

from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping
from typing import Any, NamedTuple

import torch
from torch import nn

from nnref._checks import require_tensor
from nnref.activations.relu import relu
from nnref.layers.linear import linear, linear_init

ForwardHook = Callable[["TinyModule", tuple[Any, ...], Any], Any]
ForwardPreHook = Callable[["TinyModule", tuple[Any, ...]], Any]


class IncompatibleKeys(NamedTuple):
    """What ``load_state_dict`` reports, like torch's ``_IncompatibleKeys``."""

    missing_keys: list[str]
    unexpected_keys: list[str]


class HookHandle:
    """Returned by ``register_forward_hook``: ``handle.remove()`` unregisters the hook."""

    def __init__(self, hooks: dict[int, Callable[..., Any]], key: int) -> None:
        self._hooks = hooks
        self._key = key

    def remove(self) -> None:
        """Unregister the hook (a second call does nothing)."""
        self._hooks.pop(self._key, None)


def _require_name(kind: str, name: object) -> str:
    """Names are non-empty strings without dots (a dot separates levels in the tree)."""
    if not isinstance(name, str):
        raise TypeError(f"{kind} name must be a str, got {type(name).__name__}")
    if name == "" or "." in name:
        raise KeyError(f'{kind} name must be non-empty and contain no ".", got {name!r}')
    return name


class TinyModule:
    """Base class of the from-scratch layers: parameters, buffers and submodules in a tree.

    Subclasses call ``super().__init__()`` first, assign their parameters and submodules as
    attributes, and define ``forward``. Calling the module runs the forward pre-hooks,
    ``forward`` and the forward hooks, in that order.
    """

    training: bool

    def __init__(self) -> None:
        # object.__setattr__ bypasses our own __setattr__, which needs these to exist.
        object.__setattr__(self, "training", True)
        object.__setattr__(self, "_parameters", {})
        object.__setattr__(self, "_buffers", {})
        object.__setattr__(self, "_non_persistent_buffers", set())
        object.__setattr__(self, "_modules", {})
        object.__setattr__(self, "_forward_pre_hooks", {})
        object.__setattr__(self, "_forward_hooks", {})
        object.__setattr__(self, "_next_hook_id", 0)

    # Registration -------------------------------------------------------------------------

    def __setattr__(self, name: str, value: Any) -> None:
        if "_parameters" not in self.__dict__:
            raise AttributeError(
                f"cannot assign {name!r} before TinyModule.__init__() call "
                "(call super().__init__() first)"
            )
        if isinstance(value, nn.Parameter):
            self._forget(name)
            self._parameters[name] = value
        elif name in self._parameters:
            if value is not None:
                raise TypeError(
                    f"cannot assign {type(value).__name__} as parameter {name!r} "
                    "(torch.nn.Parameter or None expected)"
                )
            self._parameters[name] = None
        elif isinstance(value, TinyModule):
            self._forget(name)
            self._modules[name] = value
        elif name in self._modules:
            if value is not None:
                raise TypeError(
                    f"cannot assign {type(value).__name__} as child module {name!r} "
                    "(TinyModule or None expected)"
                )
            self._modules[name] = None
        elif isinstance(value, nn.Buffer):
            self._forget(name)
            self.register_buffer(name, value, persistent=value.persistent)
        elif name in self._buffers:
            if value is not None and not isinstance(value, torch.Tensor):
                raise TypeError(
                    f"cannot assign {type(value).__name__} as buffer {name!r} "
                    "(torch.Tensor or None expected)"
                )
            self._buffers[name] = value  # stays a buffer, persistent or not as before
        else:
            object.__setattr__(self, name, value)

    def __getattr__(self, name: str) -> Any:
        # Called only when ordinary lookup fails: registered objects live in the registries.
        for registry in ("_parameters", "_buffers", "_modules"):
            entries = self.__dict__.get(registry, {})
            if name in entries:
                return entries[name]
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def __delattr__(self, name: str) -> None:
        for registry in (self._parameters, self._buffers, self._modules):
            if name in registry:
                del registry[name]
                self._non_persistent_buffers.discard(name)
                return
        object.__delattr__(self, name)

    def _forget(self, name: str) -> None:
        """Remove ``name`` from every registry and the instance dict before re-registering it."""
        self.__dict__.pop(name, None)
        for registry in (self._parameters, self._buffers, self._modules):
            registry.pop(name, None)
        self._non_persistent_buffers.discard(name)

    def register_parameter(self, name: str, param: nn.Parameter | None) -> None:
        """Register ``param`` (an ``nn.Parameter``, or ``None`` for an absent one) as ``name``."""
        _require_name("parameter", name)
        if param is not None and not isinstance(param, nn.Parameter):
            raise TypeError(
                f"param must be a torch.nn.Parameter or None, got {type(param).__name__}"
            )
        if name in self.__dict__ or name in self._buffers or name in self._modules:
            raise KeyError(f"attribute {name!r} already exists")
        self._parameters[name] = param

    def register_buffer(
        self, name: str, tensor: torch.Tensor | None, persistent: bool = True
    ) -> None:
        """Register a tensor that is state but not trained (running statistics, masks).

        ``persistent=False`` keeps it out of ``state_dict``; it still moves with ``to``.
        """
        _require_name("buffer", name)
        if tensor is not None:
            require_tensor("tensor", tensor)
        if name in self.__dict__ or name in self._parameters or name in self._modules:
            raise KeyError(f"attribute {name!r} already exists")
        self._buffers[name] = tensor
        if persistent:
            self._non_persistent_buffers.discard(name)
        else:
            self._non_persistent_buffers.add(name)

    def add_module(self, name: str, module: "TinyModule | None") -> None:
        """Register ``module`` as the child ``name`` (what attribute assignment does)."""
        _require_name("module", name)
        if module is not None and not isinstance(module, TinyModule):
            raise TypeError(f"module must be a TinyModule or None, got {type(module).__name__}")
        if name in self.__dict__ or name in self._parameters or name in self._buffers:
            raise KeyError(f"attribute {name!r} already exists")
        self._modules[name] = module

    # Walking the tree ---------------------------------------------------------------------

    def named_children(self) -> Iterator[tuple[str, "TinyModule"]]:
        """The direct submodules, in registration order (each object once)."""
        seen: set[int] = set()
        for name, module in self._modules.items():
            if module is not None and id(module) not in seen:
                seen.add(id(module))
                yield name, module

    def children(self) -> Iterator["TinyModule"]:
        """The direct submodules, without names."""
        for _, module in self.named_children():
            yield module

    def named_modules(
        self, prefix: str = "", _seen: set[int] | None = None
    ) -> Iterator[tuple[str, "TinyModule"]]:
        """This module (name ``prefix``, '' at the root) and every descendant, depth first."""
        seen = set() if _seen is None else _seen
        if id(self) in seen:
            return
        seen.add(id(self))
        yield prefix, self
        for name, module in self._modules.items():
            if module is not None:
                child_prefix = f"{prefix}.{name}" if prefix else name
                yield from module.named_modules(child_prefix, seen)

    def modules(self) -> Iterator["TinyModule"]:
        """This module and every descendant, without names."""
        for _, module in self.named_modules():
            yield module

    def _named_members(self, registry: str, recurse: bool) -> Iterator[tuple[str, torch.Tensor]]:
        """Entries of one registry over the tree, each tensor object once (shared ones too)."""
        modules = self.named_modules() if recurse else iter([("", self)])
        seen: set[int] = set()
        for module_prefix, module in modules:
            for name, tensor in getattr(module, registry).items():
                if tensor is None or id(tensor) in seen:
                    continue
                seen.add(id(tensor))
                yield (f"{module_prefix}.{name}" if module_prefix else name), tensor

    def named_parameters(self, recurse: bool = True) -> Iterator[tuple[str, nn.Parameter]]:
        """Dotted names and parameters: own parameters first, then each child's, depth first."""
        yield from self._named_members("_parameters", recurse)  # type: ignore[misc]

    def parameters(self, recurse: bool = True) -> Iterator[nn.Parameter]:
        """The parameters to hand to an optimizer."""
        for _, param in self.named_parameters(recurse):
            yield param

    def named_buffers(self, recurse: bool = True) -> Iterator[tuple[str, torch.Tensor]]:
        """Dotted names and buffers, persistent or not."""
        yield from self._named_members("_buffers", recurse)

    def buffers(self, recurse: bool = True) -> Iterator[torch.Tensor]:
        """The buffers, without names."""
        for _, buffer in self.named_buffers(recurse):
            yield buffer

    # State --------------------------------------------------------------------------------

    def _local_state(self) -> dict[str, torch.Tensor]:
        """This module's own entries of the state dict: parameters, then persistent buffers."""
        state = {name: p for name, p in self._parameters.items() if p is not None}
        for name, buffer in self._buffers.items():
            if buffer is not None and name not in self._non_persistent_buffers:
                state[name] = buffer
        return state

    def state_dict(self, prefix: str = "", keep_vars: bool = False) -> "OrderedDict[str, Any]":
        """Every parameter and persistent buffer by dotted name (detached unless ``keep_vars``).

        Unlike ``named_parameters``, a tensor shared by two modules appears under both names.
        """
        state: OrderedDict[str, Any] = OrderedDict()
        for name, tensor in self._local_state().items():
            state[prefix + name] = tensor if keep_vars else tensor.detach()
        for name, module in self._modules.items():
            if module is not None:
                state.update(module.state_dict(prefix=f"{prefix}{name}.", keep_vars=keep_vars))
        return state

    def load_state_dict(
        self, state_dict: Mapping[str, Any], strict: bool = True
    ) -> IncompatibleKeys:
        """Copy tensors from ``state_dict`` into this tree's parameters and buffers, in place.

        Returns the missing and unexpected keys. With ``strict=True`` (the default) either kind
        raises ``RuntimeError``; a shape mismatch raises whatever ``strict`` is.
        """
        if not isinstance(state_dict, Mapping):
            raise TypeError(f"state_dict must be a mapping, got {type(state_dict).__name__}")
        expected: dict[str, torch.Tensor] = {}
        self._collect_state(expected, prefix="")
        missing = [key for key in expected if key not in state_dict]
        unexpected = [key for key in state_dict if key not in expected]
        errors = []
        if strict and missing:
            errors.append("Missing key(s) in state_dict: " + ", ".join(map(repr, missing)))
        if strict and unexpected:
            errors.append("Unexpected key(s) in state_dict: " + ", ".join(map(repr, unexpected)))
        for key, target in expected.items():
            if key in state_dict:
                source = require_tensor(f"state_dict[{key!r}]", state_dict[key])
                if source.shape != target.shape:
                    errors.append(
                        f"size mismatch for {key}: copying a tensor of shape "
                        f"{tuple(source.shape)}, the model has {tuple(target.shape)}"
                    )
        if errors:
            raise RuntimeError(
                f"Error(s) in loading state_dict for {type(self).__name__}:\n\t"
                + "\n\t".join(errors)
            )
        with torch.no_grad():
            for key, target in expected.items():
                if key in state_dict:
                    target.copy_(state_dict[key])
        return IncompatibleKeys(missing, unexpected)

    def _collect_state(self, into: dict[str, torch.Tensor], prefix: str) -> None:
        for name, tensor in self._local_state().items():
            into[prefix + name] = tensor
        for name, module in self._modules.items():
            if module is not None:
                module._collect_state(into, prefix=f"{prefix}{name}.")

    # Modes, gradients, dtype --------------------------------------------------------------

    def train(self, mode: bool = True) -> "TinyModule":
        """Set ``training`` on this module and every descendant; returns ``self``."""
        if not isinstance(mode, bool):
            raise ValueError(f"mode must be a bool (training mode), got {mode!r}")
        object.__setattr__(self, "training", mode)
        for module in self.children():
            module.train(mode)
        return self

    def eval(self) -> "TinyModule":
        """Evaluation mode: ``train(False)``."""
        return self.train(False)

    def requires_grad_(self, requires_grad: bool = True) -> "TinyModule":
        """Freeze (``False``) or unfreeze every parameter of the tree; returns ``self``."""
        for param in self.parameters():
            param.requires_grad_(requires_grad)
        return self

    def zero_grad(self, set_to_none: bool = True) -> None:
        """Reset the gradients: to ``None`` by default (torch >= 2.0), or to zeros."""
        for param in self.parameters():
            if param.grad is None:
                continue
            if set_to_none:
                param.grad = None
            else:
                param.grad.detach_()
                param.grad.zero_()

    def to(self, dtype: torch.dtype) -> "TinyModule":
        """Convert floating-point parameters and buffers to ``dtype`` in place; returns ``self``.

        Parameters keep their identity (``param.data`` is replaced), so an optimizer built
        before the call still holds them; integer buffers (counters) keep their dtype.
        """
        if not isinstance(dtype, torch.dtype) or not dtype.is_floating_point:
            raise TypeError(f"dtype must be a floating-point torch.dtype, got {dtype!r}")
        for module in self.modules():
            for param in module._parameters.values():
                if param is not None and param.is_floating_point():
                    param.data = param.data.to(dtype)
            for name, buffer in module._buffers.items():
                if buffer is not None and buffer.is_floating_point():
                    module._buffers[name] = buffer.to(dtype)
        return self

    def apply(self, fn: Callable[["TinyModule"], None]) -> "TinyModule":
        """Call ``fn`` on every submodule (children first) and then on ``self``."""
        for module in self.children():
            module.apply(fn)
        fn(self)
        return self

    # Calling ------------------------------------------------------------------------------

    def _add_hook(self, registry: dict[int, Callable[..., Any]], hook: Any) -> HookHandle:
        if not callable(hook):
            raise TypeError(f"hook must be callable, got {type(hook).__name__}")
        key = self._next_hook_id
        object.__setattr__(self, "_next_hook_id", key + 1)
        registry[key] = hook
        return HookHandle(registry, key)

    def register_forward_pre_hook(self, hook: ForwardPreHook) -> HookHandle:
        """``hook(module, args)`` runs before ``forward``; a non-None result replaces ``args``."""
        return self._add_hook(self._forward_pre_hooks, hook)

    def register_forward_hook(self, hook: ForwardHook) -> HookHandle:
        """``hook(module, args, output)`` runs after ``forward``; non-None replaces ``output``."""
        return self._add_hook(self._forward_hooks, hook)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        for hook in list(self._forward_pre_hooks.values()):
            result = hook(self, args)
            if result is not None:
                args = result if isinstance(result, tuple) else (result,)
        output = self.forward(*args, **kwargs)
        for hook in list(self._forward_hooks.values()):
            result = hook(self, args, output)
            if result is not None:
                output = result
        return output

    def forward(self, *args: Any, **kwargs: Any) -> Any:
        """The computation; every subclass that is called must define it."""
        raise NotImplementedError(
            f'Module [{type(self).__name__}] is missing the required "forward" function'
        )


class TinyLinear(TinyModule):
    """``y = x W^T + b`` with the parameters ``weight`` (out, in) and ``bias`` (out,)."""

    def __init__(self, in_features: int, out_features: int, bias: bool = True) -> None:
        super().__init__()
        weight, bias_tensor = linear_init(in_features, out_features, bias)
        self.weight = nn.Parameter(weight)
        if bias_tensor is not None:
            self.bias = nn.Parameter(bias_tensor)
        else:
            self.register_parameter("bias", None)

    def forward(self, input: torch.Tensor) -> torch.Tensor:
        return linear(input, self.weight, self.bias)


class TinyReLU(TinyModule):
    """``max(0, x)``: a module without parameters."""

    def forward(self, input: torch.Tensor) -> torch.Tensor:
        return relu(input)
