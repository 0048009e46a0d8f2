import torch
from torch import nn

torch.manual_seed(0)

rnn = nn.RNN(input_size=3, hidden_size=4, num_layers=2, batch_first=True)
for name, parameter in rnn.named_parameters():
    print(f"{name:12} {tuple(parameter.shape)}")
print("parameters:", sum(p.numel() for p in rnn.parameters()))  # (12+16+4+4) + (16+16+4+4)

x = torch.randn(5, 7, 3)  # batch_first: (N=5 sequences, L=7 steps, 3 features)
output, h_n = rnn(x)
print("output", tuple(output.shape))  # (N, L, hidden_size): the last layer at every step
print("h_n   ", tuple(h_n.shape))  # (num_layers, N, hidden_size): batch_first does not apply
print("output[:, -1] == h_n[-1]:", torch.allclose(output[:, -1], h_n[-1]))

# The same numbers from h_t = tanh(x_t W_ih^T + b_ih + h_{t-1} W_hh^T + b_hh), layer by layer
h = [torch.zeros(5, 4), torch.zeros(5, 4)]  # h_0 defaults to zeros
for t in range(7):
    layer_input = x[:, t]
    for k in range(2):
        w_ih, w_hh = getattr(rnn, f"weight_ih_l{k}"), getattr(rnn, f"weight_hh_l{k}")
        b_ih, b_hh = getattr(rnn, f"bias_ih_l{k}"), getattr(rnn, f"bias_hh_l{k}")
        h[k] = torch.tanh(layer_input @ w_ih.T + b_ih + h[k] @ w_hh.T + b_hh)
        layer_input = h[k]  # layer k + 1 reads the outputs of layer k
print("h_n by the formula:", torch.allclose(torch.stack(h), h_n, atol=1e-6))
