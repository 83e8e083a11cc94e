"""Train the block tagger (kb/data/tagger.json) on the development set, cross-validated by text.

    python tools/train_tagger.py            # cross-validate, then fit on every tune text and write the model
    python tools/train_tagger.py --cv-only  # only print the cross-validated figures

Training data: the texts of devset/manifest.jsonl whose split is "tune" and their gold
records (devset/gold.jsonl). Held-out texts are never read here. Each block is
labelled from the gold spans: B when it opens a gold record, I when it continues one,
O when it lies outside every record. The tagger overrides the rule-based reader's
proposal for a block only when it is at least THRESHOLD sure. The figures printed are record-level
segmentation P/R/F1 (IoU >= 0.5, as in ../shared/eval/evaluate.py), per fold = per
text group, for the rule-based reader alone and for rules + tagger.
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from agreement import pairs  # noqa: E402  (tools/agreement.py: records paired as the evaluation pairs them)

from ingest.blocks import Block, build_blocks, features, proposals  # noqa: E402
from ingest.segment import assemble, segment  # noqa: E402
from ingest.tagger import LABELS, MODEL_PATH, Tagger  # noqa: E402

DEVSET = ROOT / "devset"
C = 0.05          # strong regularisation: a few hundred blocks from a few dozen texts
THRESHOLD = 0.9   # the tagger overrides the rule-based proposal only when at least this sure
FOLDS = 5


def jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def block_labels(blocks: list[Block], gold: list[dict]) -> list[str]:
    """B/I/O for each block from the gold spans of its text."""
    labels, opened = [], set()
    for b in blocks:
        best, which = 0, None
        for k, g in enumerate(gold):
            overlap = min(b.end, g["end"]) - max(b.start, g["start"])
            if overlap > best:
                best, which = overlap, k
        if which is None or best < 0.5 * (b.end - b.start):
            labels.append("O")
        elif which in opened:
            labels.append("I")
        else:
            opened.add(which)
            labels.append("B")
    return labels


def matched(gold: list[tuple[int, int]], system: list[tuple[int, int]]) -> int:
    """How many records of one text pair up, one to one by span overlap, as the evaluation pairs them."""
    first = [{"source": "", "start": a, "end": b} for a, b in gold]
    second = [{"source": "", "start": a, "end": b} for a, b in system]
    return len(pairs(first, second))


def prf(tp: int, n_sys: int, n_gold: int) -> str:
    p = tp / n_sys if n_sys else 1.0
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f} R {r:.3f} F1 {f:.3f}"


def load() -> list[dict]:
    manifest = [m for m in jsonl(DEVSET / "manifest.jsonl") if m["split"] == "tune"]
    missing = [m["source"] for m in manifest if not (DEVSET / "texts" / m["source"]).exists()]
    if missing:  # a text that could not be fetched again is left out with its gold records, as devset.py split does
        print(f"{len(missing)} tune texts are missing and left out: {', '.join(sorted(missing))}")
    gold = jsonl(DEVSET / "gold.jsonl")
    docs = []
    for m in manifest:
        if m["source"] in missing:
            continue
        text = (DEVSET / "texts" / m["source"]).read_text(encoding="utf-8")
        spans = [g for g in gold if g["source"] == m["source"]]
        rules = segment(text)
        blocks = build_blocks(text, [(s.start, s.end) for s in rules])
        rows = features(text, blocks, [s.kind for s in rules])
        docs.append({"id": m["id"], "text": text, "gold": spans, "rules": rules, "blocks": blocks, "rows": rows,
                     "labels": block_labels(blocks, spans)})
    return docs


def fit(docs: list[dict]) -> tuple[Tagger, dict]:
    names = sorted({n for d in docs for row in d["rows"] for n in row})
    x = np.array([[row.get(n, 0.0) for n in names] for d in docs for row in d["rows"]])
    y = [label for d in docs for label in d["labels"]]
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=C, max_iter=5000)
    model.fit((x - mean) / scale, y)
    order = [list(model.classes_).index(label) for label in LABELS if label in model.classes_]
    d = {"features": names, "mean": mean.tolist(), "scale": scale.tolist(),
         "weights": model.coef_[order].tolist(), "bias": model.intercept_[order].tolist(),
         "labels": [str(model.classes_[i]) for i in order], "threshold": THRESHOLD}
    return Tagger.from_dict(d), d


def cross_validate(docs: list[dict]) -> dict:
    groups = [k for k, d in enumerate(docs)]
    tp_r = tp_t = n_rules = n_tagged = n_gold = 0
    for train, test in GroupKFold(n_splits=min(FOLDS, len(docs))).split(docs, groups=groups):
        tagger, _ = fit([docs[i] for i in train])
        for i in test:
            d = docs[i]
            gold = [(g["start"], g["end"]) for g in d["gold"]]
            labels = [dec.label for dec in tagger.decide(d["rows"], proposals(d["blocks"]))]
            tagged = assemble(d["text"], d["rules"], d["blocks"], labels)
            tp_r += matched(gold, [(s.start, s.end) for s in d["rules"]])
            tp_t += matched(gold, [(s.start, s.end) for s in tagged])
            n_rules, n_tagged, n_gold = n_rules + len(d["rules"]), n_tagged + len(tagged), n_gold + len(gold)
    return {"texts": len(docs), "gold_records": n_gold, "rules_only": prf(tp_r, n_rules, n_gold),
            "rules_and_tagger": prf(tp_t, n_tagged, n_gold)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cv-only", action="store_true")
    a = ap.parse_args()
    docs = load()
    cv = cross_validate(docs)
    print(f"{cv['texts']} tune texts, {cv['gold_records']} gold records, {FOLDS}-fold cross-validation by text")
    print(f"  rules only        {cv['rules_only']}")
    print(f"  rules + tagger    {cv['rules_and_tagger']}")
    if a.cv_only:
        return
    _, d = fit(docs)
    d.update({"trained_on": [doc["id"] for doc in docs], "trained": date.today().isoformat(),
              "sklearn": sklearn.__version__, "C": C, "cross_validation": cv,
              "note": "written by tools/train_tagger.py from devset/ (tune split); do not edit by hand"})
    MODEL_PATH.write_text(json.dumps(d, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {MODEL_PATH.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
