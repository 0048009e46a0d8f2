import torch
from torch import nn

torch.manual_seed(0)
rnn = nn.RNN(1, 4)
optimizer = torch.optim.SGD(rnn.parameters(), lr=0.01)
stream = torch.randn(100, 1, 1)
h = torch.zeros(1, 1, 4)
try:
    for start in range(0, 100, 20):
        output, h = rnn(stream[start : start + 20], h)  # h still holds the previous graph
        optimizer.zero_grad()
        output.pow(2).mean().backward()
        optimizer.step()
except RuntimeError as error:
    print("RuntimeError:", str(error).split(".")[0])
