import torch

w = torch.zeros(2, requires_grad=True)
optimizer = torch.optim.SGD([w], lr=0.1, momentum=0.9)
scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=1.0, total_steps=10)
group = optimizer.param_groups[0]
print("initial_lr", group["initial_lr"], " min_lr", group["min_lr"])

for batch in range(10):  # exactly total_steps batches
    print(f"batch {batch}  lr {group['lr']:.6f}  momentum {group['momentum']:.4f}")
    optimizer.step()
    scheduler.step()

optimizer.step()
try:
    scheduler.step()  # one step too many
except ValueError as error:
    print("ValueError:", error)
