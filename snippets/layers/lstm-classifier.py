import torch
from torch import nn

torch.manual_seed(0)


class SequenceClassifier(nn.Module):
    """Token ids -> Embedding -> LSTM -> Linear on the last layer's final state."""

    def __init__(self, vocab_size, embedding_dim, hidden_size, num_classes):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embedding_dim)
        self.lstm = nn.LSTM(embedding_dim, hidden_size, num_layers=2, batch_first=True, dropout=0.2)
        self.head = nn.Linear(hidden_size, num_classes)

    def forward(self, tokens):  # (N, L) integer ids
        _, (h_n, _) = self.lstm(self.embedding(tokens))  # a per-step head would read output
        return self.head(h_n[-1])  # h_n[-1]: last layer, final step, (N, hidden_size)


model = SequenceClassifier(vocab_size=50, embedding_dim=8, hidden_size=16, num_classes=3)
tokens = torch.randint(0, 50, (6, 10))  # N = 6 sequences of L = 10 tokens
labels = torch.tensor([0, 1, 2, 0, 1, 2])

model.train()  # dropout between the two LSTM layers is active
for _ in range(100):
    loss = nn.functional.cross_entropy(model(tokens), labels)
    model.zero_grad()
    loss.backward()  # backpropagation through time
    nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
    with torch.no_grad():  # a plain SGD step; torch.optim.SGD(...).step() does the same
        for parameter in model.parameters():
            parameter -= 0.5 * parameter.grad

model.eval()  # dropout off for evaluation
with torch.no_grad():
    logits = model(tokens)
print("logits", tuple(logits.shape))
print("training loss below 0.1:", loss.item() < 0.1)
print("all training sequences classified:", bool((logits.argmax(dim=1) == labels).all()))
