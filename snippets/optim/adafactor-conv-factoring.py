import torch
from torch import nn

# Adafactor factors the LAST TWO dimensions of every parameter with dim >= 2
for module in (nn.Linear(512, 512), nn.Conv2d(64, 64, kernel_size=3)):
    weight = module.weight
    optimizer = torch.optim.Adafactor([weight])
    weight.grad = torch.ones_like(weight)
    optimizer.step()
    state = optimizer.state[weight]
    kept = state["row_var"].numel() + state["col_var"].numel()
    print(
        f"{type(module).__name__} weight {tuple(weight.shape)}: "
        f"row_var {tuple(state['row_var'].shape)}, col_var {tuple(state['col_var'].shape)}"
    )
    print(f"  second-moment numbers: {kept} of {weight.numel()} ({kept / weight.numel():.1%})")
