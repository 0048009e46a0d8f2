import math

import torch

from nnref.layers.positional_encoding import position_shift_matrix, sinusoidal_positional_encoding

pe = sinusoidal_positional_encoding(length=50, d_model=16)
pos = torch.arange(50).unsqueeze(1)
i = torch.arange(8)
angle = pos / 10000 ** (2 * i / 16)  # the closed form, pair by pair
print("table", tuple(pe.shape))
print("sin in even columns:", torch.allclose(pe[:, 0::2], torch.sin(angle), atol=1e-6))
print("cos in odd columns: ", torch.allclose(pe[:, 1::2], torch.cos(angle), atol=1e-6))

# A shift by k positions is one linear map (a rotation of every sine/cosine pair)
shift = position_shift_matrix(offset=5, d_model=16)
print("PE[pos+5] = M PE[pos] for every pos:", torch.allclose(pe[5:], pe[:-5] @ shift.T, atol=1e-5))
print("M is orthogonal:", torch.allclose(shift @ shift.T, torch.eye(16), atol=1e-6))

# So dot products depend on the offset only, not on where the pair of positions is
print("PE[3]·PE[7] = PE[20]·PE[24]:", math.isclose(pe[3] @ pe[7], pe[20] @ pe[24], rel_tol=1e-5))
