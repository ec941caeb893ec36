"""URL hygiene: what is a web address, tracking parameters dropped, one key per article page.

``clean_url`` is what gets fetched: the same address without its fragment and without
click-tracking parameters, which never change the page. ``page_key`` goes further, for
recognising one article under several addresses: it also folds AMP variants
(``amp.`` hosts, ``/amp`` paths, ``?amp=1``, ``outputType=amp``) and ``www.``.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

__all__ = ["clean_url", "is_url", "page_key"]

# Parameters that only say where a click came from. utm_* and friends from analytics
# suites, the click ids of ad networks and mail tools, and common referral markers.
_TRACKING = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|igshid|mc_cid|mc_eid|_ga|_gl|ocid|cmpid"
    r"|smid|smtyp|ref|ref_src|ref_url|referrer|at_medium|at_campaign|at_custom\d|spm"
    r"|__twitter_impression|taid|ito|soc_src|soc_trk|xtor)$",
    re.IGNORECASE,
)
_AMP_PARAMS = {("amp", "1"), ("amp", "true"), ("amp", ""), ("outputtype", "amp"), ("output", "amp")}


def is_url(text: str) -> bool:
    """Whether ``text`` is an http(s) address."""
    return bool(re.match(r"https?://[^\s/$.?#][^\s]*$", text.strip(), re.IGNORECASE))


def clean_url(url: str) -> str:
    """The address to fetch: lower-case scheme and host, no fragment, no tracking parameters."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if parts.port and not (
        parts.scheme == "http" and parts.port == 80 or parts.scheme == "https" and parts.port == 443
    ):
        host = f"{host}:{parts.port}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)]
    return urlunsplit((parts.scheme.lower(), host, parts.path or "/", urlencode(query), ""))


def page_key(url: str) -> str:
    """One key for every address of one page: AMP variants, ``www.`` and trailing slashes folded."""
    parts = urlsplit(clean_url(url))
    host = parts.netloc.removeprefix("www.").removeprefix("amp.")
    path = re.sub(r"(/amp)+/?$|\.amp(?=\.html?$|$)", "", parts.path).rstrip("/") or "/"
    path = re.sub(r"/amp/", "/", path)
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if (k.lower(), v.lower()) not in _AMP_PARAMS
    ]
    return urlunsplit(("https", host, path, urlencode(sorted(query)), ""))
