"""Mask values that look like secrets before they reach a report or an error message."""

from __future__ import annotations

import re

MASK = "****"

_PATTERNS = [
    re.compile(r"AKIA[0-9A-Z]{16}"),  # AWS access key id
    re.compile(r"ASIA[0-9A-Z]{16}"),
    re.compile(r"(?i)(aws_secret_access_key|secret|password|passwd|pwd|token|api[_-]?key|client_secret)\s*[:=]\s*\S+"),
    re.compile(r"gh[pousr]_[A-Za-z0-9]{20,}"),  # GitHub tokens
    re.compile(r"xox[abprs]-[A-Za-z0-9-]{10,}"),  # Slack tokens
    re.compile(r"sk-[A-Za-z0-9_-]{20,}"),  # OpenAI-style keys
    re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)"),
    re.compile(r"(?i)AccountKey=[^;\s]+"),  # Azure storage connection strings
    re.compile(r"(?i)SharedAccessSignature=[^;\s]+"),
    # JWT. The look-behind starts a match only where a run of token characters starts: without
    # it a 5 MB run of letters is re-scanned from every position (quadratic: hours).
    re.compile(r"(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}"),
]
# scheme://user:password@ — linear time on hostile text: a scheme starts only where a run of scheme
# characters starts and is at most 32 long, and a password is at most 256 characters. The user may
# be empty (redis://:password@host).
_URL_CREDENTIALS = re.compile(r"(?<![a-zA-Z0-9+.-])([a-zA-Z][a-zA-Z0-9+.-]{0,31}://[^:/@\s]*:)([^@\s]{1,256})(@)")


def mask_text(text: str) -> str:
    text = _URL_CREDENTIALS.sub(lambda m: m.group(1) + MASK + m.group(3), text)
    for pattern in _PATTERNS:
        text = pattern.sub(_replacement, text)
    return text


def _replacement(m: re.Match) -> str:
    s = m.group(0)
    for sep in (":", "="):
        if sep in s and not s.startswith("-----"):
            key = s.split(sep, 1)[0]
            return f"{key}{sep}{MASK}"
    return MASK


def mask(value):
    """Mask secrets anywhere in a JSON-like value."""
    if isinstance(value, str):
        return mask_text(value)
    if isinstance(value, list):
        return [mask(v) for v in value]
    if isinstance(value, dict):
        return {k: mask(v) for k, v in value.items()}
    return value
