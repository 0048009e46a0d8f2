"""What ``torch.optim.Optimizer`` does besides the update rule, written out.

``GroupedOptimizer`` keeps parameter groups (a list of dicts: the tensors and the options that
apply to them, filled in from ``defaults``), a state dict per parameter, ``zero_grad``,
``step(closure)``, ``add_param_group`` and the ``state_dict`` / ``load_state_dict`` pair, with
the behaviour and the error messages of torch. ``GroupedSGD`` adds the SGD update rule (momentum,
dampening, Nesterov, weight decay, maximize) per group, so that the tests can run it beside
``torch.optim.SGD`` and exchange state dicts with it in both directions.

Named parameters (``model.named_parameters()`` given to the optimizer) are not supported.
"""

import copy
from collections.abc import Callable, Iterable
from typing import Any

import torch

from nnref._checks import require_non_negative


class _Required:
    """The default of an option that every parameter group must set (torch's ``required``)."""

    def __repr__(self) -> str:
        return "<required parameter>"


REQUIRED = _Required()


class GroupedOptimizer:
    """Parameter groups, per-parameter state and their (de)serialisation, as in torch."""

    def __init__(self, params: Iterable[Any], defaults: dict[str, Any]) -> None:
        if isinstance(params, torch.Tensor):
            raise TypeError(
                "params argument given to the optimizer should be an iterable of Tensors or "
                f"dicts, but got {torch.typename(params)}"
            )
        self.defaults = dict(defaults)
        self.state: dict[torch.Tensor, dict[str, Any]] = {}
        self.param_groups: list[dict[str, Any]] = []
        groups = list(params)
        if not groups:
            raise ValueError("optimizer got an empty parameter list")
        if not isinstance(groups[0], dict):
            groups = [{"params": groups}]
        for group in groups:
            self.add_param_group(group)

    def add_param_group(self, param_group: dict[str, Any]) -> None:
        """Append a group: its tensors, its own options, the defaults for the rest."""
        if not isinstance(param_group, dict):
            raise TypeError(f"param_group must be a dict, but got {type(param_group)}")
        params = param_group["params"]
        if isinstance(params, torch.Tensor):
            params = [params]
        elif isinstance(params, set):
            raise TypeError(
                "optimizer parameters need to be organized in ordered collections, but the "
                "ordering of tensors in sets will change between runs. Please use a list instead."
            )
        group = {**param_group, "params": list(params)}
        for param in group["params"]:
            if not isinstance(param, torch.Tensor):
                raise TypeError(
                    "optimizer can only optimize Tensors, but one of the params is "
                    + torch.typename(param)
                )
            if not (param.is_leaf or param.retains_grad):
                raise ValueError("can't optimize a non-leaf Tensor")
        for name, default in self.defaults.items():
            if default is REQUIRED and name not in group:
                raise ValueError(
                    "parameter group didn't specify a value of required optimization "
                    f"parameter {name}"
                )
            group.setdefault(name, default)
        taken = {id(p) for existing in self.param_groups for p in existing["params"]}
        if any(id(p) in taken for p in group["params"]):
            raise ValueError("some parameters appear in more than one parameter group")
        self.param_groups.append(group)

    def zero_grad(self, set_to_none: bool = True) -> None:
        """Drop every gradient (``None``), or keep the tensors and fill them with zeros."""
        for group in self.param_groups:
            for param in group["params"]:
                if param.grad is None:
                    continue
                if set_to_none:
                    param.grad = None
                else:
                    param.grad = param.grad.detach()
                    param.grad.zero_()

    def step(self, closure: Callable[[], torch.Tensor] | None = None) -> torch.Tensor | None:
        """Evaluate ``closure`` (with autograd on), then update every parameter with a gradient."""
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        with torch.no_grad():
            for group in self.param_groups:
                for param in group["params"]:
                    if param.grad is not None:
                        self.update(param, param.grad, group)
        return loss

    def update(self, param: torch.Tensor, grad: torch.Tensor, group: dict[str, Any]) -> None:
        """Change ``param`` in place with the options of its ``group`` (the update rule)."""
        raise NotImplementedError

    def state_dict(self) -> dict[str, Any]:
        """``{"state": {index: state}, "param_groups": [options + "params": [indices]]}``.

        Parameters are numbered in the order of the groups, as torch numbers them; the tensors
        themselves are not saved, only their state and the options of their group.
        """
        index = {}
        groups = []
        for group in self.param_groups:
            for param in group["params"]:
                index.setdefault(id(param), len(index))
            packed = {k: v for k, v in group.items() if k != "params"}
            packed["params"] = [index[id(p)] for p in group["params"]]
            groups.append(packed)
        state = {index[id(param)]: value for param, value in self.state.items()}
        return {"state": state, "param_groups": groups}

    def load_state_dict(self, state_dict: dict[str, Any]) -> None:
        """Take the options and the state of ``state_dict``; keep this optimizer's tensors.

        Unlike torch, the state is deep-copied, so the saved dict and the optimizer never share
        a tensor; floating-point state is cast to the dtype and device of its parameter.
        """
        saved = copy.deepcopy(state_dict)
        if len(saved["param_groups"]) != len(self.param_groups):
            raise ValueError("loaded state dict has a different number of parameter groups")
        pairs = list(zip(self.param_groups, saved["param_groups"], strict=True))
        if any(len(ours["params"]) != len(theirs["params"]) for ours, theirs in pairs):
            raise ValueError(
                "loaded state dict contains a parameter group that doesn't match the size of "
                "optimizer's group"
            )
        params = {
            number: param
            for ours, theirs in pairs
            for number, param in zip(theirs["params"], ours["params"], strict=True)
        }
        self.state = {
            params[number]: {key: _cast(value, params[number], key) for key, value in entry.items()}
            for number, entry in saved["state"].items()
        }
        self.param_groups = [{**theirs, "params": ours["params"]} for ours, theirs in pairs]


def _cast(value: Any, param: torch.Tensor, key: str) -> Any:
    """A state tensor on its parameter's device; floating state (not ``step``) in its dtype."""
    if not isinstance(value, torch.Tensor):
        return value
    if key != "step" and value.is_floating_point() and param.is_floating_point():
        return value.to(dtype=param.dtype, device=param.device)
    return value.to(device=param.device)


class GroupedSGD(GroupedOptimizer):
    """SGD with per-group options; state and state dicts interchangeable with torch's SGD."""

    def __init__(
        self,
        params: Iterable[Any],
        lr: float = 1e-3,
        momentum: float = 0.0,
        dampening: float = 0.0,
        weight_decay: float = 0.0,
        nesterov: bool = False,
        maximize: bool = False,
    ) -> None:
        require_non_negative("learning rate", lr)
        require_non_negative("momentum value", momentum)
        require_non_negative("weight_decay value", weight_decay)
        if nesterov and (momentum <= 0 or dampening != 0):
            raise ValueError("Nesterov momentum requires a momentum and zero dampening")
        defaults = {
            "lr": lr,
            "momentum": momentum,
            "dampening": dampening,
            "weight_decay": weight_decay,
            "nesterov": nesterov,
            "maximize": maximize,
        }
        super().__init__(params, defaults)

    def update(self, param: torch.Tensor, grad: torch.Tensor, group: dict[str, Any]) -> None:
        """One SGD step; a group with momentum keeps a ``momentum_buffer`` per parameter."""
        if group["maximize"]:
            grad = -grad
        if group["weight_decay"] != 0:
            grad = grad + group["weight_decay"] * param
        momentum = group["momentum"]
        if momentum != 0:
            state = self.state.setdefault(param, {})
            buffer = state.get("momentum_buffer")
            if buffer is None:
                buffer = grad.clone()
            else:
                buffer = momentum * buffer + (1 - group["dampening"]) * grad
            state["momentum_buffer"] = buffer
            grad = grad + momentum * buffer if group["nesterov"] else buffer
        param -= group["lr"] * grad
