"""The claim checker: read an article, find its checkable claims, test each against the
dataset and the models, and show the working.

>>> from eastflank.catalog import load_catalog
>>> from eastflank.claims import check_text
>>> result = check_text("Iskander-M missiles have a range of up to 500 km.", load_catalog())
>>> [(c.kind, c.verdict) for c in result.claims]
[('weapon_range', 'supported')]
"""

from eastflank.claims.check import check_text
from eastflank.claims.io import Article, read_article, read_articles
from eastflank.claims.model import CheckResult, Claim, Evidence, Verdict

__all__ = [
    "Article",
    "CheckResult",
    "Claim",
    "Evidence",
    "Verdict",
    "check_text",
    "read_article",
    "read_articles",
]
