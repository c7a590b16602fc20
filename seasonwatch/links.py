"""Which query parameters say how a reader arrived rather than which page they read: the
gather stage leaves them out of an article's identity, the emit stage out of the links it shows."""

from __future__ import annotations

from urllib.parse import unquote_plus, urlsplit, urlunsplit

# Query parameters that say how a reader arrived, never which page they read.
TRACKING_PARAMETERS = {
    "fbclid",
    "gclid",
    "dclid",
    "gbraid",
    "wbraid",
    "msclkid",
    "yclid",
    "mc_cid",
    "mc_eid",
    "igshid",
    "ref",
    "ref_src",
    "ref_url",
    "cmpid",
    "icid",
    "ncid",
    "ito",
    "_hsenc",
    "_hsmi",
    "mkt_tok",
    "oly_anon_id",
    "oly_enc_id",
    "rb_clickid",
    "s_cid",
    "spm",
    "vero_id",
    "wt.mc_id",
    "xtor",
    "utm",
    "sr_share",
    "smid",
    "dicbo",
    "ocid",
}
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_", "at_")


def is_tracking_parameter(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMETERS or lowered.startswith(TRACKING_PREFIXES)


def without_tracking(url: str) -> str:
    """`url` without its tracking parameters and otherwise exactly as the outlet wrote it: host,
    trailing slash and the other parameters' spelling matter to some servers."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    pairs = [p for p in parts.query.split("&") if p]
    kept = [p for p in pairs if not is_tracking_parameter(unquote_plus(p.split("=", 1)[0]))]
    return url if len(kept) == len(pairs) else urlunsplit(parts._replace(query="&".join(kept)))
