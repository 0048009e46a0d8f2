"""Containers built on ``TinyModule``: they register what they hold under the names torch uses.

A container is a module whose job is registration: ``TinySequential`` and ``TinyModuleList``
name their submodules ``"0"``, ``"1"``, ...; ``TinyModuleDict`` uses the keys; the parameter
containers do the same for parameters. Only ``TinySequential`` has a ``forward`` (it chains its
modules); the others are called from the ``forward`` of the module that owns them.
"""

from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

import torch
from torch import nn

from nnref.layers.module import TinyModule


def sequential_forward(input: Any, layers: Sequence[Callable[[Any], Any]]) -> Any:
    """Apply ``layers`` in order: ``layers[-1](... layers[1](layers[0](input)))``.

    This is all ``nn.Sequential.forward`` does; any callables (modules or functions) work.
    """
    if isinstance(layers, Mapping) or not isinstance(layers, Sequence):
        raise TypeError(f"layers must be a sequence of callables, got {type(layers).__name__}")
    for index, layer in enumerate(layers):
        if not callable(layer):
            raise TypeError(f"layers[{index}] must be callable, got {type(layer).__name__}")
    output = input
    for layer in layers:
        output = layer(output)
    return output


def _index(index: object, length: int) -> int:
    """A non-negative position for ``index`` in a container of ``length``, like a list."""
    if isinstance(index, bool) or not isinstance(index, int):
        raise TypeError(f"index must be an int or a slice, got {type(index).__name__}")
    if not -length <= index < length:
        raise IndexError(f"index {index} is out of range for a container of length {length}")
    return index % length


def _require_module(where: str, module: object) -> TinyModule:
    if not isinstance(module, TinyModule):
        raise TypeError(f"{where} must be a TinyModule, got {type(module).__name__}")
    return module


class TinySequential(TinyModule):
    """Modules registered as ``"0"``, ``"1"``, ... (or by the keys of an ``OrderedDict``).

    ``forward`` feeds the output of each module to the next one.
    """

    def __init__(self, *modules: "TinyModule | OrderedDict[str, TinyModule]") -> None:
        super().__init__()
        if len(modules) == 1 and isinstance(modules[0], OrderedDict):
            for name, module in modules[0].items():
                self.add_module(name, _require_module(f"modules[{name!r}]", module))
        else:
            for index, module in enumerate(modules):
                self.add_module(str(index), _require_module(f"modules[{index}]", module))

    def __len__(self) -> int:
        return len(self._modules)

    def __iter__(self) -> Iterator[TinyModule]:
        return iter(self._modules.values())

    def __getitem__(self, index: int | slice) -> "TinyModule":
        items = list(self._modules.items())
        if isinstance(index, slice):
            # A slice keeps the original names, as in torch: model[1:] has "1", "2", ...
            return TinySequential(OrderedDict(items[index]))
        return items[_index(index, len(items))][1]

    def append(self, module: TinyModule) -> "TinySequential":
        """Add ``module`` at the end under the next free number."""
        self.add_module(str(len(self)), _require_module("module", module))
        return self

    def forward(self, input: Any) -> Any:
        return sequential_forward(input, list(self._modules.values()))


class TinyModuleList(TinyModule):
    """A list whose modules are registered (``"0"``, ``"1"``, ...); it has no ``forward``."""

    def __init__(self, modules: Iterable[TinyModule] | None = None) -> None:
        super().__init__()
        if modules is not None:
            self.extend(modules)

    def __len__(self) -> int:
        return len(self._modules)

    def __iter__(self) -> Iterator[TinyModule]:
        return iter(self._modules.values())

    def __getitem__(self, index: int | slice) -> "TinyModule":
        modules = list(self._modules.values())
        if isinstance(index, slice):
            return TinyModuleList(modules[index])  # renumbered from "0", as in torch
        return modules[_index(index, len(modules))]

    def append(self, module: TinyModule) -> "TinyModuleList":
        """Register ``module`` under the name ``str(len(self))``."""
        self.add_module(str(len(self)), _require_module("module", module))
        return self

    def extend(self, modules: Iterable[TinyModule]) -> "TinyModuleList":
        """Append every module of ``modules``."""
        if isinstance(modules, TinyModule) and not isinstance(modules, TinyModuleList):
            raise TypeError("modules must be an iterable of TinyModule, got a single module")
        for index, module in enumerate(list(modules)):
            _require_module(f"modules[{index}]", module)
            self.append(module)
        return self


class TinyModuleDict(TinyModule):
    """Modules registered under string keys, in insertion order; it has no ``forward``."""

    def __init__(self, modules: Mapping[str, TinyModule] | None = None) -> None:
        super().__init__()
        for name, module in (modules or {}).items():
            self[name] = module

    def __setitem__(self, name: str, module: TinyModule) -> None:
        self.add_module(name, _require_module(f"modules[{name!r}]", module))

    def __getitem__(self, name: str) -> TinyModule:
        return self._modules[name]

    def __contains__(self, name: object) -> bool:
        return name in self._modules

    def __len__(self) -> int:
        return len(self._modules)

    def keys(self) -> list[str]:
        """The keys, in insertion order."""
        return list(self._modules)


def _as_parameter(where: str, value: object) -> nn.Parameter:
    """A tensor becomes an ``nn.Parameter`` (requires_grad=True), as the torch containers do."""
    if isinstance(value, nn.Parameter):
        return value
    if isinstance(value, torch.Tensor):
        return nn.Parameter(value)
    raise TypeError(f"{where} must be a torch.Tensor, got {type(value).__name__}")


class TinyParameterList(TinyModule):
    """Parameters registered as ``"0"``, ``"1"``, ...; plain tensors are wrapped in Parameter."""

    def __init__(self, values: Iterable[torch.Tensor] | None = None) -> None:
        super().__init__()
        for index, value in enumerate(values or []):
            self.register_parameter(str(index), _as_parameter(f"values[{index}]", value))

    def __len__(self) -> int:
        return len(self._parameters)

    def __iter__(self) -> Iterator[nn.Parameter]:
        return iter(self._parameters.values())  # type: ignore[arg-type]

    def __getitem__(self, index: int) -> nn.Parameter:
        params = list(self._parameters.values())
        return params[_index(index, len(params))]  # type: ignore[return-value]

    def append(self, value: torch.Tensor) -> "TinyParameterList":
        """Register ``value`` (wrapped in ``nn.Parameter``) under the next number."""
        self.register_parameter(str(len(self)), _as_parameter("value", value))
        return self


class TinyParameterDict(TinyModule):
    """Parameters registered under string keys, in insertion order."""

    def __init__(self, values: Mapping[str, torch.Tensor] | None = None) -> None:
        super().__init__()
        for name, value in (values or {}).items():
            self[name] = value

    def __setitem__(self, name: str, value: torch.Tensor) -> None:
        self._parameters.pop(name, None)
        self.register_parameter(name, _as_parameter(f"values[{name!r}]", value))

    def __getitem__(self, name: str) -> nn.Parameter:
        return self._parameters[name]  # type: ignore[return-value]

    def __contains__(self, name: object) -> bool:
        return name in self._parameters

    def __len__(self) -> int:
        return len(self._parameters)

    def keys(self) -> list[str]:
        """The keys, in insertion order."""
        return list(self._parameters)
