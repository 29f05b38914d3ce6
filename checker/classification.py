"""Confidentiality schemes and the one ordering every rule compares through.

The 令和6年10月 guideline moved from three confidentiality levels (1, 2, 3) to five
(1, 2, 3C, 3B, 3A). Many municipalities still use the older scheme, so the scheme is
chosen in policy data and every class is mapped to a rank:

    rank 1 = 機密性1, rank 2 = 機密性2, rank >= 3 = 機密性3 of either scheme.

Rules say "機密性2以上" as `conf_rank >= 2` and "機密性3" as `conf_rank >= 3`, so the
same rule works for both schemes.
"""

from __future__ import annotations

SCHEMES: dict[str, dict[str, int]] = {
    "legacy_three_level": {"1": 1, "2": 2, "3": 3},
    "r6_five_level": {"1": 1, "2": 2, "3C": 3, "3B": 4, "3A": 5},
}
DEFAULT_SCHEME = "r6_five_level"


def rank(scheme: str, value: str) -> int | None:
    """Rank of `value` in `scheme`, or None when the scheme has no such class."""
    return SCHEMES[scheme].get(value)


def allowed(scheme: str) -> list[str]:
    return list(SCHEMES[scheme])
