import torch

from nnref.layers.positional_encoding import sinusoidal_positional_encoding

pe = sinusoidal_positional_encoding(length=4, d_model=8)  # (L, E)
x = torch.zeros(4, 4, 8)  # sequence first (L=4, N=4, E=8), and N happens to equal L

wrong = x + pe  # (L, E) lines up with the LAST two axes (N, E): one encoding per sequence
print("wrong: positions 0 and 1 of sequence 0 are equal:", torch.equal(wrong[0, 0], wrong[1, 0]))
right = x + pe.unsqueeze(1)  # (L, 1, E): one encoding per position
print("right: positions 0 and 1 of sequence 0 are equal:", torch.equal(right[0, 0], right[1, 0]))

single = torch.zeros(4, 1, 8) + pe  # batch size 1: (L, 1, E) + (L, E) broadcasts to (L, L, E)
print("N=1: shape", tuple(single.shape), "instead of (4, 1, 8)")

try:
    torch.zeros(4, 3, 8) + pe  # with 1 != N != L the mistake at least fails
except RuntimeError as error:
    print("RuntimeError:", error)
