import torch
from torch import nn

from nnref.training.bptt import rnn_bptt, rnn_forward, state_jacobian

torch.manual_seed(0)
rnn = nn.RNN(input_size=3, hidden_size=5).double()
x = torch.randn(7, 2, 3, dtype=torch.float64, requires_grad=True)  # (T, N, input_size)
h0 = torch.zeros(1, 2, 5, dtype=torch.float64)
output, h_n = rnn(x, h0)
grad_output = torch.randn_like(output)  # dL/dh_t arriving at every step
output.backward(grad_output)

p = dict(rnn.named_parameters())
weights = [p["weight_ih_l0"], p["weight_hh_l0"], p["bias_ih_l0"], p["bias_hh_l0"]]
grads = rnn_bptt(x.detach(), h0[0], *weights, grad_output=grad_output)
print("dL/dW_hh:", torch.allclose(grads.weight_hh, p["weight_hh_l0"].grad))
print("dL/dW_ih:", torch.allclose(grads.weight_ih, p["weight_ih_l0"].grad))
print("dL/db_hh:", torch.allclose(grads.bias_hh, p["bias_hh_l0"].grad))
print("dL/dx:", torch.allclose(grads.input, x.grad))

# dh_T/dh_k is a product of T - k factors diag(1 - h_j^2) W_hh
seq = x.detach()[:, :1]
with torch.no_grad():
    states = torch.cat([h0[0, :1], rnn_forward(seq, h0[0, :1], *weights)[:, 0]])


def last_state(h_2):  # h_7 as a function of h_2
    out, _ = rnn(seq[2:], h_2.view(1, 1, 5))
    return out[-1, 0]


jacobian = torch.autograd.functional.jacobian(last_state, states[2])
print(
    "dh_7/dh_2 = product of 5 factors:",
    torch.allclose(jacobian, state_jacobian(states, weights[1].detach(), 2)),
)
