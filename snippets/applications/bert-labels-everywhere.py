import torch
from torch import nn

from nnref.text.bert import mask_tokens

MASK, VOCAB = 3, 1000
generator = torch.Generator().manual_seed(0)
ids = torch.randint(4, VOCAB, (64, 128), generator=generator)
inputs, labels = mask_tokens(ids, vocab_size=VOCAB, mask_token_id=MASK, generator=generator)

# A useless "model" that copies its input token and knows nothing about the masked ones
logits = 10 * nn.functional.one_hot(inputs, VOCAB).float()
loss_fn = nn.CrossEntropyLoss()

wrong = loss_fn(logits.view(-1, VOCAB), ids.view(-1))  # labels = the original ids everywhere
right = loss_fn(logits.view(-1, VOCAB), labels.view(-1))  # -100 except at chosen positions
print(f"loss with labels at every position: {wrong:.2f}")
print(f"loss on the chosen positions only:  {right:.2f}")
