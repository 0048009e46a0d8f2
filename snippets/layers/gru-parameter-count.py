from torch import nn


def count(module):
    return sum(p.numel() for p in module.parameters())


n_in, n_h = 32, 64  # input_size, hidden_size
rnn, gru, lstm = nn.RNN(n_in, n_h), nn.GRU(n_in, n_h), nn.LSTM(n_in, n_h)
print("RNN ", count(rnn), "= H*(I+H) + 2*H =", n_h * (n_in + n_h) + 2 * n_h)
print("GRU ", count(gru), "ratio", count(gru) / count(rnn))
print("LSTM", count(lstm), "ratio", count(lstm) / count(rnn))
print("LSTM proj_size=16:", count(nn.LSTM(n_in, n_h, proj_size=16)))  # 4H(I+16) + 8H + 16H
