import torch
from torch.optim.lr_scheduler import LambdaLR

weights, biases = torch.zeros(3, requires_grad=True), torch.zeros(1, requires_grad=True)
optimizer = torch.optim.SGD([{"params": [weights], "lr": 0.1}, {"params": [biases], "lr": 0.02}])
# One multiplier function per parameter group: lr = base_lr * lambda(t)
scheduler = LambdaLR(optimizer, lr_lambda=[lambda t: 1 / (1 + t), lambda t: 0.5**t])

for t in range(5):
    print(t, [round(lr, 5) for lr in scheduler.get_last_lr()])
    optimizer.step()
    scheduler.step()

print("base_lrs:", scheduler.base_lrs)
print("saved lambdas:", scheduler.state_dict()["lr_lambdas"])  # plain functions are not saved
