import torch
from torch import nn

from nnref.text.bert import BERT_BASE, BERT_LARGE, parameter_count


def count(module):
    return sum(p.numel() for p in module.parameters())


# BERT-base built from torch layers on the meta device: shapes only, no memory, no init cost
with torch.device("meta"):
    embeddings = nn.ModuleList(
        [
            nn.Embedding(30522, 768),  # WordPiece tokens
            nn.Embedding(512, 768),  # learned positions
            nn.Embedding(2, 768),  # segments A/B
            nn.LayerNorm(768),
        ]
    )
    layer = nn.TransformerEncoderLayer(
        768, 12, dim_feedforward=3072, activation="gelu", batch_first=True
    )
    encoder = nn.TransformerEncoder(layer, num_layers=12, enable_nested_tensor=False)
    pooler = nn.Linear(768, 768)  # dense + tanh on [CLS]

print("device:", pooler.weight.device)
print(f"embeddings {count(embeddings):>11,}")
print(f"one layer  {count(layer):>11,}")
print(f"12 layers  {count(encoder):>11,}")
print(f"pooler     {count(pooler):>11,}")
total = count(embeddings) + count(encoder) + count(pooler)
print(f"total      {total:>11,}")
print("formula:", f"{parameter_count(BERT_BASE):,}", total == parameter_count(BERT_BASE))
print("BERT-large:", f"{parameter_count(BERT_LARGE):,}")
