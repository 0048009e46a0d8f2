import torch

probs = torch.tensor([0.5, 0.3, 0.15, 0.05])
generator = torch.Generator().manual_seed(0)

# With replacement: any number of independent draws (negative sampling)
draws = torch.multinomial(probs, 100_000, replacement=True, generator=generator)
print("frequencies:", [round(f, 3) for f in (torch.bincount(draws) / 100_000).tolist()])

# Rows are independent distributions: (B, V) weights -> (B, K) samples
weights = torch.tensor([[1.0, 0.0, 3.0], [0.0, 2.0, 0.0]])  # need not sum to 1
print("per row:", torch.multinomial(weights, 4, replacement=True, generator=generator).tolist())

# Default replacement=False: distinct categories; once the non-zero ones are used up,
# zero-weight categories come out too
print("without replacement:", torch.multinomial(probs, 4, generator=generator).tolist())
print("2 draws from [0, 2, 0]:", torch.multinomial(weights[1], 2, generator=generator).tolist())
try:
    torch.multinomial(weights[1], 4)
except RuntimeError as error:
    print("RuntimeError:", error)
