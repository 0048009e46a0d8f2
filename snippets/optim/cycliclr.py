import torch

w = torch.zeros(2, requires_grad=True)
optimizer = torch.optim.SGD([w], lr=0.5, momentum=0.9)
scheduler = torch.optim.lr_scheduler.CyclicLR(
    optimizer, base_lr=0.01, max_lr=0.1, step_size_up=4, mode="triangular2"
)
group = optimizer.param_groups[0]
print("lr after construction:", group["lr"])  # base_lr replaces the optimizer's 0.5

for batch in range(17):
    if batch % 2 == 0:
        print(f"batch {batch:2d}  lr {group['lr']:.4f}  momentum {group['momentum']:.3f}")
    optimizer.step()
    scheduler.step()  # after every batch
