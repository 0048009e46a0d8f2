import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 1))
weights = [p for name, p in model.named_parameters() if name.endswith("weight")]
biases = [p for name, p in model.named_parameters() if name.endswith("bias")]

# Two parameter groups: options given in a group override the defaults (the keywords)
optimizer = torch.optim.SGD(
    [{"params": weights, "weight_decay": 1e-4}, {"params": biases, "lr": 0.05}],
    lr=0.1,
    momentum=0.9,
)
for group in optimizer.param_groups:
    options = {k: group[k] for k in ("lr", "momentum", "weight_decay")}
    print(len(group["params"]), "tensors:", options)

# One training step; the state (here the momentum buffers) appears at the first step
x, y = torch.randn(8, 3), torch.randn(8, 1)
optimizer.zero_grad()  # set_to_none=True: every .grad becomes None
nn.functional.mse_loss(model(x), y).backward()
optimizer.step()
print("state entries:", len(optimizer.state), list(optimizer.state[weights[0]]))

# state_dict: parameters are replaced by their positions 0, 1, 2, ...
saved = optimizer.state_dict()
print("saved groups:", [g["params"] for g in saved["param_groups"]])
print("saved state keys:", sorted(saved["state"]))

# Change a hyperparameter during training: edit the group (what schedulers do)
optimizer.param_groups[0]["lr"] = 0.01
# Add parameters later, e.g. a new head after fine-tuning starts
head = nn.Linear(4, 2)
optimizer.add_param_group({"params": head.parameters(), "lr": 0.001})
print("groups:", len(optimizer.param_groups), [g["lr"] for g in optimizer.param_groups])
