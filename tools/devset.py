"""Check and assemble the development set of real texts (see devset/GUIDE.md).

    python tools/devset.py check [--part NAME]   # texts, manifest, gold and queries agree
    python tools/devset.py merge                 # devset/parts/*.jsonl into devset/{manifest,gold,queries}.jsonl
    python tools/devset.py split heldout DIR     # one split's texts into DIR, its gold and queries beside DIR
    python tools/devset.py recover ID RAWFILE    # an excerpt fetched again (text, or .json string) -> texts/ID.txt

Only the standard library and the project's data files are used, so a helper
collecting texts can run it before anything is installed.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import shutil
import sys
from pathlib import Path
from typing import Iterator
from urllib.parse import parse_qsl, urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "devset"
DATA = ROOT / "kb" / "data"
KINDS = {"practice", "session", "theme-table"}
MANIFEST_KEYS = {"id", "source", "url", "title", "date", "genre", "province", "sha256", "found_by", "split"}
GOLD_KEYS = {"id", "source", "start", "end", "kind", "title", "municipalities", "provinces", "region", "themes",
             "target_groups", "partners", "speakers", "event", "event_date"}


def jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def vocabularies() -> tuple[set[str], set[str], set[str], set[str]]:
    tax = json.loads((DATA / "taxonomy.json").read_text(encoding="utf-8"))
    themes = {t["name"] for t in tax["themes"]}
    groups = {t["name"] for t in tax["target_groups"]}
    towns = {r["name"] for r in csv.DictReader((DATA / "gazetteer.csv").open(encoding="utf-8"))}
    towns |= {r["former_municipality"] for r in csv.DictReader((DATA / "localities.csv").open(encoding="utf-8"))
              if r["kind"] == "former-municipality"}
    provinces = {r["province"] for r in csv.DictReader((DATA / "gazetteer.csv").open(encoding="utf-8"))}
    return themes, groups, towns, provinces


def reserved_urls() -> set[str]:
    text = (ROOT.parent / "shared" / "eval" / "reserved.md").read_text(encoding="utf-8")
    return {norm_url(line[2:].strip()) for line in text.splitlines() if line.startswith("- http")}


def norm_url(url: str) -> str:
    """An address without scheme, "www.", fragment, tracking parameters and trailing slash.

    The query string stays: many news sites name the article there (nieuws.php?nr=12, ?p=8986).
    """
    parts = urlsplit(url if "://" in url else f"http://{url}")
    host = parts.netloc.lower().removeprefix("www.")
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query) if not k.lower().startswith("utm_")))
    return f"{host}{parts.path.rstrip('/').lower()}" + (f"?{query}" if query else "")  # lower: a miss is worse


def check(manifest: list[dict], gold: list[dict], queries: list[dict]) -> list[str]:
    """Every problem found, one line each; an empty list means the set is consistent."""
    themes, groups, towns, provinces = vocabularies()
    reserved = reserved_urls()
    problems: list[str] = []
    texts: dict[str, str] = {}
    for m in manifest:
        missing = MANIFEST_KEYS - set(m)
        if missing:
            problems.append(f"manifest {m.get('id')}: missing {sorted(missing)}")
        if norm_url(m.get("url", "")) in reserved:
            problems.append(f"manifest {m.get('id')}: {m.get('url')} is reserved for evaluation")
        path = DEVSET / "texts" / m.get("source", "?")
        if not path.exists():
            problems.append(f"manifest {m.get('id')}: text {path.name} not found")
            continue
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() != m.get("sha256"):
            problems.append(f"manifest {m.get('id')}: sha256 of {path.name} differs")
        texts[m["source"]] = data.decode("utf-8")
        if m.get("split") not in ("tune", "heldout"):
            problems.append(f"manifest {m.get('id')}: split must be tune or heldout")
    ids = [g.get("id") for g in gold]
    for dup in {i for i in ids if ids.count(i) > 1}:
        problems.append(f"gold id {dup} used twice")
    for g in gold:
        where = f"gold {g.get('id')}"
        missing = GOLD_KEYS - set(g)
        if missing:
            problems.append(f"{where}: missing {sorted(missing)}")
            continue
        text = texts.get(g["source"])
        if text is None:
            problems.append(f"{where}: source {g['source']} not in the manifest")
        elif not (0 <= g["start"] < g["end"] <= len(text)):
            problems.append(f"{where}: span {g['start']}-{g['end']} outside the text ({len(text)} chars)")
        elif text[g["start"]:g["end"]] != text[g["start"]:g["end"]].strip():
            problems.append(f"{where}: span starts or ends with whitespace")
        if g["kind"] not in KINDS:
            problems.append(f"{where}: kind {g['kind']!r}")
        for field, allowed, what in (("themes", themes, "theme"), ("target_groups", groups, "target group"),
                                     ("municipalities", towns, "municipality"), ("provinces", provinces, "province")):
            problems += [f"{where}: {what} {value!r} unknown" for value in g[field] if value not in allowed]
        if not g["title"].strip():
            problems.append(f"{where}: empty title")
    known = set(ids)
    for q in queries:
        for gid in q.get("qrels", {}):
            if gid not in known:
                problems.append(f"query {q.get('qid')}: qrel {gid} is no gold id")
    return problems


def trims(raw: str) -> Iterator[str]:
    """The texts a collector could have saved from an excerpt: edges trimmed, a final newline or not.

    Collectors drop navigation at the start and a cut-off tail at the end, at any character near the
    edges or at any line boundary; the sha256 in the manifest tells which trim it was.
    """
    starts = sorted(set(range(min(len(raw), 400))) | {i + 1 for i, ch in enumerate(raw) if ch == "\n"})
    ends = sorted(set(range(max(0, len(raw) - 600), len(raw) + 1)) | {i for i, ch in enumerate(raw) if ch == "\n"})
    for s in starts:
        for e in ends:
            if e > s:
                yield raw[s:e]
                yield raw[s:e] + "\n"


def recover(text_id: str, raw: str) -> str:
    """Save the trim of RAW whose sha256 the manifest holds as the text of TEXT_ID; say how it went.

    Without an exact match the text is not saved: its gold spans are character offsets, so a text
    that differs would silently shift every record.
    """
    entry = next((m for m in jsonl(DEVSET / "manifest.jsonl") if m["id"] == text_id), None)
    if entry is None:
        return f"{text_id}: no such id in devset/manifest.jsonl"
    raw = raw.replace("\r\n", "\n")
    stripped = "\n".join(line.rstrip() for line in raw.split("\n"))  # some collectors dropped line-end spaces
    for candidate in (c for variant in dict.fromkeys([raw, stripped]) for c in trims(variant)):
        if hashlib.sha256(candidate.encode("utf-8")).hexdigest() == entry["sha256"]:
            target = DEVSET / "texts" / entry["source"]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(candidate, encoding="utf-8", newline="\n")
            return f"{text_id}: ok, saved {target.relative_to(ROOT)} ({len(candidate)} chars)"
    return (f"{text_id}: no trim of the excerpt ({len(raw)} chars) matches the manifest's sha256; "
            "compare the file with the excerpt character by character (quotes, dashes, spaces, blank lines)")


def merged(current: list[dict], new: list[dict], key: str) -> list[dict]:
    """The merged file's rows with the parts' rows in: a row with a known id replaces it, a new one is appended.

    The parts folder is not in git, so on a new machine it holds only this session's batches; rebuilding
    the merged files from it alone would drop every earlier batch.
    """
    by_id = {row[key]: row for row in current}
    by_id.update({row[key]: row for row in new})
    return list(by_id.values())


def parts(kind: str, only: str | None) -> list[dict]:
    pattern = f"{only}.{kind}.jsonl" if only else f"*.{kind}.jsonl"
    return [row for path in sorted((DEVSET / "parts").glob(pattern)) for row in jsonl(path)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("check")
    c.add_argument("--part", help="check devset/parts/PART.*.jsonl instead of the merged files")
    sub.add_parser("merge")
    s = sub.add_parser("split")
    s.add_argument("split", choices=["tune", "heldout"])
    s.add_argument("dest", type=Path)
    r = sub.add_parser("recover")
    r.add_argument("id")
    r.add_argument("raw", type=Path)
    a = ap.parse_args()
    if a.cmd == "recover":
        raw = a.raw.read_text(encoding="utf-8")
        message = recover(a.id, json.loads(raw) if a.raw.suffix == ".json" else raw)
        print(message)
        sys.exit(0 if ": ok," in message else 1)
    if a.cmd == "check":
        if a.part:
            sets = [parts(k, a.part) for k in ("manifest", "gold", "queries")]
        else:
            sets = [jsonl(DEVSET / f"{k}.jsonl") for k in ("manifest", "gold", "queries")]
        problems = check(*sets)
        print("\n".join(problems) or f"ok: {len(sets[0])} texts, {len(sets[1])} gold records, {len(sets[2])} queries")
        sys.exit(1 if problems else 0)
    if a.cmd == "merge":
        for kind, key in (("manifest", "id"), ("gold", "id"), ("queries", "qid")):
            rows = merged(jsonl(DEVSET / f"{kind}.jsonl"), parts(kind, None), key)
            (DEVSET / f"{kind}.jsonl").write_text(
                "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
            print(f"{kind}: {len(rows)}")
        return
    a.dest.mkdir(parents=True, exist_ok=True)
    wanted = {m["source"] for m in jsonl(DEVSET / "manifest.jsonl") if m["split"] == a.split}
    sources = {source for source in wanted if (DEVSET / "texts" / source).exists()}
    if wanted - sources:  # a text that could not be fetched again is left out with its gold records
        print(f"{len(wanted - sources)} texts of the split are missing: {', '.join(sorted(wanted - sources))}")
    for source in sorted(sources):
        shutil.copy(DEVSET / "texts" / source, a.dest / source)
    gold = [g for g in jsonl(DEVSET / "gold.jsonl") if g["source"] in sources]
    ids = {g["id"] for g in gold}
    queries = [q for q in jsonl(DEVSET / "queries.jsonl") if set(q["qrels"]) & ids]
    for q in queries:
        q["qrels"] = {k: v for k, v in q["qrels"].items() if k in ids}
    for kind, rows in (("gold", gold), ("queries", queries)):
        Path(f"{a.dest}.{kind}.jsonl").write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(sources)} texts in {a.dest}, {len(gold)} gold records and {len(queries)} queries beside it")


if __name__ == "__main__":
    main()
