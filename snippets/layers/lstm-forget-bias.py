import torch
from torch import nn

torch.manual_seed(0)

H = 64
lstm = nn.LSTM(input_size=8, hidden_size=H)
x = torch.randn(1000, 8)


def mean_forget_gate(module):
    """The forget gate f = sigmoid(x W_if^T + b_if + b_hf) at h = 0, averaged."""
    w_if = module.weight_ih_l0[H : 2 * H]  # blocks i, f, g, o: f is the second
    b_f = module.bias_ih_l0[H : 2 * H] + module.bias_hh_l0[H : 2 * H]  # two biases add up
    return round(torch.sigmoid(x @ w_if.T + b_f).mean().item(), 2)


print("torch default:", mean_forget_gate(lstm))  # about 0.5: half of c is forgotten per step

with torch.no_grad():  # Keras' unit_forget_bias=True: forget bias 1, the other biases 0
    lstm.bias_ih_l0.zero_()
    lstm.bias_hh_l0.zero_()
    lstm.bias_ih_l0[H : 2 * H] = 1.0
print("forget bias 1:", mean_forget_gate(lstm))

with torch.no_grad():  # mistake: 1 in both bias vectors is a forget bias of 2
    lstm.bias_hh_l0[H : 2 * H] = 1.0
print("1 in both biases:", mean_forget_gate(lstm))
