import torch
from torch import nn

torch.manual_seed(0)

lstm = nn.LSTM(input_size=3, hidden_size=4)
x = torch.randn(5, 2, 3)
h_0 = torch.zeros(1, 2, 4)

try:
    lstm(x, h_0)  # wrong: an LSTM's state is the pair (h_0, c_0)
except IndexError as error:
    print("IndexError:", error)

output, state = lstm(x)
print(type(state).__name__, len(state))  # the result is also a pair, not a tensor

c_0 = torch.zeros(1, 2, 4)
output, (h_n, c_n) = lstm(x, (h_0, c_0))
print("h_n", tuple(h_n.shape), "c_n", tuple(c_n.shape))
