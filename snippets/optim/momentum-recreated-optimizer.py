import torch


def train(recreate_every_step):
    w = torch.tensor([-4.0, 2.0], requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=0.05, momentum=0.9)
    for _ in range(50):
        if recreate_every_step:  # the bug: a new optimizer has an empty momentum buffer
            optimizer = torch.optim.SGD([w], lr=0.05, momentum=0.9)
        optimizer.zero_grad()
        loss = 0.1 * w[0] ** 2 + 2 * w[1] ** 2
        loss.backward()
        optimizer.step()
    return loss.item()


plain = torch.tensor([-4.0, 2.0], requires_grad=True)
optimizer = torch.optim.SGD([plain], lr=0.05)
for _ in range(50):
    optimizer.zero_grad()
    loss = 0.1 * plain[0] ** 2 + 2 * plain[1] ** 2
    loss.backward()
    optimizer.step()

print(f"one optimizer, momentum 0.9:     loss {train(False):.4f}")
print(f"new optimizer every step:        loss {train(True):.4f}")
print(f"plain SGD without momentum:      loss {loss.item():.4f}")
