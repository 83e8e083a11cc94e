"""Query understanding: places and themes named in a query, used as ranking boosts (never as filters)."""
from __future__ import annotations

from functools import lru_cache

from kb.gazetteer import Gazetteer
from kb.taxonomy import Taxonomy, keyword_scores

THEME_QUERY_MIN = 1.5  # keyword score a theme needs in a query to count as named


@lru_cache(maxsize=2048)
def _places(query: str) -> tuple[str, ...]:
    municipalities, region = Gazetteer.default().named_in(query)
    return tuple(municipalities) + ((region,) if region else ())


def query_places(query: str) -> list[str]:
    """Municipalities and regions a query names ("armoede in Mechelen" → Mechelen)."""
    return list(_places(query))


@lru_cache(maxsize=2048)
def _themes(query: str) -> tuple[str, ...]:
    scores = keyword_scores(query, query, Taxonomy.default())
    return tuple(key.split(":", 1)[1] for key, value in scores.items()
                 if key.startswith("theme:") and value >= THEME_QUERY_MIN)


def query_themes(query: str) -> list[str]:
    """Theme labels whose keywords a query uses ("schuldhulp" → Schulden en energiearmoede)."""
    return list(_themes(query))
