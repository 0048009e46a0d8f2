import torch

epochs, steps_per_epoch = 10, 100
w = torch.zeros(1, requires_grad=True)
optimizer = torch.optim.SGD([w], lr=0.1, momentum=0.9)
scheduler = torch.optim.lr_scheduler.OneCycleLR(
    optimizer, max_lr=0.1, epochs=epochs, steps_per_epoch=steps_per_epoch
)

# Wrong: stepped once per epoch, so the cycle advances 10 of its 1000 steps
for epoch in range(epochs):
    for _ in range(steps_per_epoch):
        optimizer.step()
    scheduler.step()
    if epoch in (0, 4, 9):
        print(f"after epoch {epoch}: lr {scheduler.get_last_lr()[0]:.5f}")
print("the peak lr 0.1 comes after", int(0.3 * epochs * steps_per_epoch) - 1, "steps")
