import torch
from torch import nn

torch.manual_seed(0)
# A long stream (T = 1000) learned in chunks of 50 steps: truncated BPTT
stream = torch.sin(torch.arange(1001) * 0.1).view(-1, 1, 1)  # (T + 1, N=1, 1)
rnn, head = nn.RNN(1, 16), nn.Linear(16, 1)
params = list(rnn.parameters()) + list(head.parameters())
optimizer = torch.optim.Adam(params, lr=0.01)

for epoch in range(3):
    h = torch.zeros(1, 1, 16)
    losses = []
    for start in range(0, 1000, 50):
        x, y = stream[start : start + 50], stream[start + 1 : start + 51]
        h = h.detach()  # keep the state, cut the graph: backward stops at the chunk border
        output, h = rnn(x, h)
        loss = nn.functional.mse_loss(head(output), y)
        optimizer.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(params, max_norm=1.0)
        optimizer.step()
        losses.append(loss.item())
    print(f"epoch {epoch}: mean loss {sum(losses) / len(losses):.4f}")
