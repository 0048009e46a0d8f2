import torch

a = torch.zeros(2, requires_grad=True)
b = torch.zeros(2, requires_grad=True)
optimizer = torch.optim.Adagrad(
    [{"params": [a], "initial_accumulator_value": 5.0}, {"params": [b]}],
    lr=0.1,
    initial_accumulator_value=1.0,
)
# The group option is stored, but the accumulators were filled from the constructor argument
print("group 0 option:", optimizer.param_groups[0]["initial_accumulator_value"])
print("sum of a:", optimizer.state[a]["sum"].tolist())
print("sum of b:", optimizer.state[b]["sum"].tolist())
