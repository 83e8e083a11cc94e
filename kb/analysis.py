"""The Dutch analyser: words → index terms, shared by BM25, queries, the "why" line and the theme classifier.

Built from maintained parts rather than hand-written rules:
- lemmas from `simplemma`'s Dutch dictionary (MIT), so "ouders" (→ ouder) and
  "ouderen" (→ oudere) stay apart and "centra" becomes "centrum";
- compound parts from `wordfreq`'s Dutch frequency list (MIT; data CC BY-SA 4.0):
  a long word splits where every part is a frequent word in its own right and the
  parts together are more common than the whole ("fietstochten" → fiets + tocht).
  The parts are extra, lower-weighted terms; the whole word stays the main term.
- stopwords from `bm25s` (the Snowball Dutch list).

What is hand-written are the conventions of Dutch word formation that no
library lists: the linking letters between compound parts (-s-, -e-, -en-)
and the suffixes that never stand alone as a part ("-heid", "-ing", ...).
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
COMBINING = re.compile(r"[\u0300-\u036f]")
POSSESSIVE = re.compile(r"['’]s$")
ENGLISH_STOP = {"the", "of", "and", "a", "an", "in", "for", "to", "with", "on", "by", "at", "or", "is", "are"}

# Compound splitting: the most probable split under a unigram model of Dutch (each part's own frequency),
# kept when the parts' mean log-frequency beats the whole word's (Koehn & Knight 2003).
MIN_COMPOUND = 7          # shorter words are never split
MIN_PART = 3              # "dak", "wijk": shorter parts are letters, not words ...
MIN_LATER_PART = 4        # ... and a three-letter part only leads ("dakloos"), never follows ("home-les-ness")
MIN_PART_ZIPF = 3.0       # a part must be a common word on its own (Zipf 3 = once per million words)
MAX_PARTS = 4
LINKERS = ("", "s", "e", "en", "er")  # Dutch linking morphemes: vrijwilliger-s-werk, pannen-koek, kind-er-opvang
NEVER_ALONE = frozenset({  # derivational and inflectional suffixes that are words by accident, never parts
    "heid", "heden", "ing", "ingen", "schap", "schappen", "lijk", "lijke", "lijken", "isch", "ische", "baar",
    "bare", "loos", "loze", "lozen", "achtig", "achtige", "erij", "nis", "nissen", "sel", "tje", "tjes", "ste",
    "ster", "sters", "ling", "lingen", "ers", "ende", "ies", "ties", "atie", "aties", "iteit", "isme", "ist",
    "isten", "aar", "aars", "eren", "tie", "ties", "dom", "zaam", "zame", "ig", "ige", "iger", "euze",
    "ont", "ver", "her", "erop", "eraan", "erin",  # prefixes and particles glued to a word
})
PER_BILLION = 9.0         # Zipf − 9 is log10 of a word's probability

PART_WEIGHT = 0.5         # a compound part counts half as much as a whole word ...
SYNONYM_WEIGHT = 0.5      # ... and so does a synonym from kb/data/synonyms.txt


def fold(text: str) -> str:
    """Lower-case and strip accents, so "coördinator" matches "coordinator"."""
    return COMBINING.sub("", unicodedata.normalize("NFKD", text.lower()))


def words(text: str) -> list[str]:
    """The words of a text, folded."""
    return WORD.findall(fold(text))


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    from bm25s.stopwords import STOPWORDS_DUTCH

    return frozenset(fold(w) for w in STOPWORDS_DUTCH) | ENGLISH_STOP


@lru_cache(maxsize=1)
def _zipf_table() -> dict[str, float]:
    """Dutch word → Zipf frequency (log10 of occurrences per billion words), derived once per wordfreq version
    and kept next to the model (kb.derived): deriving it took each process over a second."""
    from inspect import getsource

    from kb import derived

    key = f"{derived.versions('wordfreq')}\n{getsource(_derive_zipf_table)}\n{getsource(fold)}{COMBINING.pattern}"
    return derived.cached("zipf-nl", key, _derive_zipf_table)


def _derive_zipf_table() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    table: dict[str, float] = {}
    for word, freq in get_frequency_dict("nl").items():
        # "énergie" and "energie" fold together: keep the commoner (an ASCII word only needs lower-casing,
        # which saves a second on each process start)
        key = word.lower() if word.isascii() else fold(word)
        if freq > 0 and freq > table.get(key, 0.0):
            table[key] = freq
    return {word: math.log10(freq * 1e9) for word, freq in table.items()}


def zipf(word: str) -> float:
    return _zipf_table().get(word, 0.0)


def _simplemma_lemma(word: str) -> str | None:
    import simplemma

    return simplemma.lemmatize(word, lang="nl") if simplemma.is_known(word, lang="nl") else None


@lru_cache(maxsize=500_000)
def lemma(word: str) -> str:
    """One word's dictionary form, folded; a word the dictionary does not know keeps its own form.

    The lemma is taken once: simplemma's table chains ("ouders" → "ouder" → "oud"), and
    following the chain would merge parents with the elderly. Where the table swaps two
    forms ("fiets" → "fietsen" → "fiets") the shorter one is the lemma of both.
    """
    word = POSSESSIVE.sub("", word.lower())  # "OCMW's", "baby's": the plural or genitive of the word itself
    if not word.isalpha():
        return fold(word)
    first = _simplemma_lemma(word)
    if first is None:
        folded = fold(word)
        parts = split_compound(folded)
        if len(parts) < 2:
            return folded
        return folded[: len(folded) - len(parts[-1])] + lemma(parts[-1])
    first = first.lower()
    if first != word and (_simplemma_lemma(first) or "").lower() == word:
        first = min(first, word, key=lambda w: (len(w), w))
    return fold(first.replace("_", ""))


@lru_cache(maxsize=500_000)
def split_compound(word: str) -> tuple[str, ...]:
    """The parts of a folded compound ("wijkgezondheidscentra" → wijk, gezondheid, centra), or the word alone."""
    if len(word) < MIN_COMPOUND or not word.isalpha() or _is_place(word):
        return (word,)
    best = _best_split(word, MAX_PARTS, whole=False)
    if best is None:
        return (word,)
    parts = best[1]
    return parts if sum(map(zipf, parts)) / len(parts) > zipf(word) else (word,)


def _is_place(word: str) -> bool:
    """Place names are names, not compounds: "Kortrijk" is not kort + rijk."""
    from kb.gazetteer import Gazetteer

    return Gazetteer.default().lookup(word) is not None


def _part_ok(part: str) -> bool:
    return len(part) >= MIN_PART and part not in NEVER_ALONE and part not in stopwords() \
        and zipf(part) >= MIN_PART_ZIPF


@lru_cache(maxsize=200_000)
def _best_split(word: str, parts_left: int, whole: bool = True) -> tuple[float, tuple[str, ...]] | None:
    """(log10 probability, parts) of the most probable split of `word` into at most `parts_left` parts.

    `whole=False` leaves out the word itself: the best split into two or more parts.
    """
    best = (zipf(word) - PER_BILLION, (word,)) if whole and _part_ok(word) else None
    if parts_left < 2:
        return best
    for cut in range(MIN_PART, len(word) - MIN_LATER_PART + 1):
        head = word[:cut]
        if not _part_ok(head):
            continue
        for linker in LINKERS:
            if not word.startswith(linker, cut):
                continue
            rest = _best_split(word[cut + len(linker):], parts_left - 1)
            if rest is None or min(len(p) for p in rest[1]) < MIN_LATER_PART:
                continue
            score = zipf(head) - PER_BILLION + rest[0]
            if best is None or score > best[0]:
                best = (score, (head, *rest[1]))
    return best


@dataclass(frozen=True)
class Term:
    """One index term of a word: the word's lemma (weight 1) or one of its compound parts."""

    term: str
    word: str       # the folded word it came from, for the "why" line
    weight: float


@lru_cache(maxsize=500_000)
def word_terms(word: str) -> tuple[Term, ...]:
    """A folded word's lemma and, for a compound, its parts ("fietstochten" → fietstocht; fiets, tocht).

    The lemma's parts are base forms already; a part's own lemma joins it when it differs
    ("woon" → also "wonen"), so the part meets the word written on its own.
    """
    main = lemma(word)
    out = [Term(main, word, 1.0)]
    parts = split_compound(main)
    if len(parts) > 1:
        parts += tuple(sub for part in parts for sub in split_compound(part) if sub != part)  # zorgcentrum
        found = dict.fromkeys(form for part in parts for form in (part, lemma(part)))
        out += [Term(p, word, PART_WEIGHT) for p in found if p != main]
    return tuple(out)


def content_words(text: str) -> list[str]:
    """Folded words without stopwords and single letters (digits stay: "65", "1")."""
    stop = stopwords()
    return [w for w in words(text) if w not in stop and (len(w) > 1 or w.isdigit())]


def terms(text: str) -> list[Term]:
    """Every term of a text, in order: each word's lemma followed by its compound parts."""
    return [t for w in content_words(text) for t in word_terms(w)]


def lemma_text(text: str) -> str:
    """The lemmas and compound parts of a text as a space-separated string (for the theme classifier)."""
    return " ".join(t.term for t in terms(text))
