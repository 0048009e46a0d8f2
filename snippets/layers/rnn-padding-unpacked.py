import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_sequence

torch.manual_seed(0)

rnn = nn.RNN(input_size=2, hidden_size=3, batch_first=True)
sequences = [torch.randn(4, 2), torch.randn(2, 2)]
lengths = torch.tensor([4, 2])
padded = pad_sequence(sequences, batch_first=True)  # the short sequence gets 2 zero steps
alone = rnn(sequences[1].unsqueeze(0))[1][0, 0]  # the true final state of sequence 1

_, h_n = rnn(padded)  # wrong: the zero steps are processed as if they were data
print("padded, not packed:", torch.allclose(h_n[0, 1], alone))

_, h_n = rnn(pack_padded_sequence(padded, lengths, batch_first=True))
print("packed:", torch.allclose(h_n[0, 1], alone))

# One direction only: the output at each sequence's last real step is also right
output, _ = rnn(padded)
last = output[torch.arange(2), lengths - 1]
print("output[i, lengths[i] - 1]:", torch.allclose(last[1], alone))
