import torch
from torch import nn

from nnref.text.bert import mask_tokens

torch.manual_seed(0)
# Toy corpus: runs of consecutive tokens, e.g. [CLS] 7 8 9 10 11 12 [SEP]; tokens 3..22
CLS, SEP, MASK, VOCAB, LENGTH = 0, 1, 2, 23, 8


def batch(size):
    start = torch.randint(3, VOCAB - LENGTH + 3, (size, 1))
    body = start + torch.arange(LENGTH - 2)
    return torch.cat([torch.full((size, 1), CLS), body, torch.full((size, 1), SEP)], dim=1)


class TinyBert(nn.Module):
    def __init__(self, d=16):
        super().__init__()
        self.tokens = nn.Embedding(VOCAB, d)
        self.positions = nn.Embedding(LENGTH, d)
        layer = nn.TransformerEncoderLayer(
            d, nhead=2, dim_feedforward=32, dropout=0.0, activation="gelu", batch_first=True
        )
        self.encoder = nn.TransformerEncoder(layer, num_layers=1, enable_nested_tensor=False)
        self.mlm_head = nn.Linear(d, VOCAB)

    def forward(self, ids):  # (batch, seq) -> (batch, seq, VOCAB)
        h = self.tokens(ids) + self.positions(torch.arange(ids.shape[1]))
        return self.mlm_head(self.encoder(h))


model = TinyBert()
print("parameters:", sum(p.numel() for p in model.parameters()))
optimizer = torch.optim.Adam(model.parameters(), lr=0.02)
loss_fn = nn.CrossEntropyLoss()  # ignore_index=-100 by default
generator = torch.Generator().manual_seed(0)
losses = []
for _ in range(100):
    inputs, labels = mask_tokens(
        batch(64),
        vocab_size=VOCAB,
        mask_token_id=MASK,
        special_token_ids=[CLS, SEP],
        generator=generator,
    )
    loss = loss_fn(model(inputs).reshape(-1, VOCAB), labels.reshape(-1))
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    losses.append(loss.item())
print(
    f"MLM loss: first step {losses[0]:.2f} (ln {VOCAB} = {torch.log(torch.tensor(VOCAB)):.2f}),"
    f" last 20 steps {sum(losses[-20:]) / 20:.2f}"
)

sentence = torch.tensor([[CLS, 10, 11, MASK, 13, MASK, 15, SEP]])
with torch.no_grad():
    predicted = model(sentence).argmax(-1)
print("input:     ", sentence[0].tolist())
print("predicted: ", predicted[0, [3, 5]].tolist(), "at the [MASK] positions")
