import torch
from torch import nn
from torch.nn.utils.rnn import (
    pack_padded_sequence,
    pack_sequence,
    pad_packed_sequence,
    pad_sequence,
)

torch.manual_seed(0)

rnn = nn.RNN(input_size=2, hidden_size=3, batch_first=True)
sequences = [torch.randn(4, 2), torch.randn(2, 2), torch.randn(3, 2)]  # lengths 4, 2, 3
lengths = torch.tensor([4, 2, 3])

padded = pad_sequence(sequences, batch_first=True)  # zeros after the end of each sequence
print("padded", tuple(padded.shape))
packed = pack_padded_sequence(padded, lengths, batch_first=True, enforce_sorted=False)
print("data", tuple(packed.data.shape))  # only the 4 + 2 + 3 = 9 real steps
print("batch_sizes", packed.batch_sizes.tolist())  # sequences still running at each step
print("sorted_indices", packed.sorted_indices.tolist())  # longest first
print(
    "pack_sequence gives the same:", torch.equal(pack_sequence(sequences, False).data, packed.data)
)

packed_output, h_n = rnn(packed)
output, output_lengths = pad_packed_sequence(packed_output, batch_first=True)
print("output", tuple(output.shape), "lengths", output_lengths.tolist())
print("padding positions are zero:", bool((output[1, 2:] == 0).all()))

# h_n holds each sequence's state at its own last step, in the original order
alone = [rnn(s.unsqueeze(0))[1][:, 0] for s in sequences]
print(
    "h_n == each sequence run alone:",
    all(torch.allclose(h_n[:, i], a) for i, a in enumerate(alone)),
)
