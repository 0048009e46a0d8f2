import torch
from torch import nn

from nnref.text.bert import mask_tokens

PAD, CLS, SEP, MASK = 0, 1, 2, 3  # special tokens; ordinary tokens are 4..999
special = [PAD, CLS, SEP, MASK]

# One short example, to read
ids = torch.tensor([[CLS, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, SEP, PAD, PAD]])
inputs, labels = mask_tokens(
    ids,
    vocab_size=1000,
    mask_token_id=MASK,
    special_token_ids=special,
    generator=torch.Generator().manual_seed(3),
)
print("input_ids:", ids[0].tolist())
print("inputs:   ", inputs[0].tolist())
print("labels:   ", labels[0].tolist())

# The same generator seed gives the same masking
again = mask_tokens(
    ids,
    vocab_size=1000,
    mask_token_id=MASK,
    special_token_ids=special,
    generator=torch.Generator().manual_seed(3),
)
print("reproducible:", torch.equal(inputs, again[0]) and torch.equal(labels, again[1]))

# A large batch: [CLS] 126 tokens [SEP]
generator = torch.Generator().manual_seed(0)
ids = torch.randint(4, 1000, (500, 128), generator=generator)
ids[:, 0], ids[:, -1] = CLS, SEP
inputs, labels = mask_tokens(
    ids, vocab_size=1000, mask_token_id=MASK, special_token_ids=special, generator=generator
)
chosen = labels != -100
print("special tokens chosen:", int(chosen[:, [0, -1]].sum()))
print(f"chosen: {chosen[:, 1:-1].float().mean():.3f} of the ordinary positions")
print(
    f"of the chosen: [MASK] {(inputs[chosen] == MASK).float().mean():.3f}, "
    f"unchanged {(inputs[chosen] == ids[chosen]).float().mean():.3f}, "
    f"other {((inputs[chosen] != MASK) & (inputs[chosen] != ids[chosen])).float().mean():.3f}"
)

# The loss sees only the chosen positions: -100 is CrossEntropyLoss's default ignore_index
ids, labels, chosen = ids[:16], labels[:16], chosen[:16]
logits = torch.randn(16, 128, 1000, generator=generator)
loss = nn.CrossEntropyLoss()(logits.view(-1, 1000), labels.view(-1))
only_chosen = nn.functional.cross_entropy(logits[chosen], ids[chosen])
print("loss over chosen positions only:", torch.allclose(loss, only_chosen))
