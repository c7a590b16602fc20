"""Reads config.toml into typed settings, refusing every mistake with one line that names
the file, the table and the key, before anything is fetched or written."""

from __future__ import annotations

import math
import os
import re
import tomllib
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields
from email.utils import getaddresses
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from seasonwatch.errors import ConfigError
from seasonwatch.models import EmailSettings, FetchSettings, HistorySettings, ShowSpec, SiteSettings, SourceSpec
from seasonwatch.options import ConfigurableSource, Option


@dataclass(frozen=True)
class Config:
    site: SiteSettings
    state_path: Path
    fetch: FetchSettings
    email: EmailSettings
    shows: tuple[ShowSpec, ...]
    sources: tuple[SourceSpec, ...]
    log_path: Path | None = None  # every real run's lines, warnings and errors; None: no log
    history: HistorySettings = field(default_factory=HistorySettings)
    path: Path | None = None  # the config file itself, for messages that name it


SITE_KEYS = {
    "title": Option(str, default="Season Watch"),
    "base_url": Option(str, required=True, is_url=True),
    "output_dir": Option(str, default="public"),
    "feed_items": Option(int, default=SiteSettings.feed_items),
    "unsubscribe_url": Option(str, default=SiteSettings.unsubscribe_url),
}
STATE_KEYS = {"path": Option(str, default="state/seasonwatch.sqlite3")}
LOG_KEYS = {"path": Option(str, default="state/seasonwatch.log")}


def _keys_of(settings: type, written_as: dict[str, tuple[type | tuple[type, ...], Any]]) -> dict[str, Option]:
    """A table's keys from the settings record it fills: its defaults are written once, there.
    `written_as` gives the TOML type (and default) of a field the record keeps in another form."""
    defaults = settings()
    keys = {}
    for one in fields(settings):
        value = getattr(defaults, one.name)
        kind, default = written_as.get(one.name, ((int, float) if isinstance(value, float) else type(value), value))
        keys[one.name] = Option(kind, default=default)
    return keys


FETCH_KEYS = _keys_of(FetchSettings, {})
HISTORY_KEYS = _keys_of(HistorySettings, {})
EMAIL_KEYS = _keys_of(EmailSettings, {"recipients": (list, []), "outbox_dir": (str, "outbox")})
SHOW_KEYS = {
    "name": Option(str, required=True),
    "season": Option(int, required=True),
    "aliases": Option(list, default=[]),
    "article": Option(str, required=True),
    "slug": Option(str, default=""),
}
SOURCE_COMMON_KEYS = {
    "name": Option(str, required=True),
    "type": Option(str, required=True),
    "shows": Option(list, default=[]),
}
TOP_LEVEL = {"site", "state", "fetch", "email", "log", "history", "shows", "sources"}

# Every number a config sets, and the range it must lie in (both ends allowed): the README's
# config reference lists the same. Nothing may make a run retry, wait or hold data without bound.
NUMERIC_RANGES: dict[str, dict[str, tuple[float, float]]] = {
    "site": {"feed_items": (1, 1_000)},
    "fetch": {
        "concurrency": (1, 256),
        "per_host": (1, 64),
        "timeout": (0.1, 300),
        "retries": (0, 10),
        "max_bytes": (1_000, 100_000_000),
        "max_redirects": (0, 20),
        "parse_timeout": (0.1, 300),
        "deadline": (1, 86_400),
    },
    "email": {
        "smtp_port": (1, 65_535),
        "timeout": (0.1, 300),
        "deadline": (1, 3_600),
        "final_reply_timeout": (1, 3_600),
        "resend_unconfirmed_after": (0, 720),
    },
    "history": {"keep_days": (7, 36_500), "keep_stories": (100, 10_000_000)},
    "shows": {"season": (1, 999)},
}


def load_config(path: Path, source_types: Mapping[str, ConfigurableSource]) -> Config:
    path = Path(path)
    name = path.name
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{name}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{name}: not valid TOML: {exc}") from None
    except ValueError:  # tomllib reads integers whole: one of thousands of digits cannot be
        raise ConfigError(f"{name}: not valid TOML: a number with more digits than any setting takes") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc.strerror}") from None
    return parse_config(raw, path, source_types)


def parse_config(raw: dict[str, Any], path: Path, source_types: Mapping[str, ConfigurableSource]) -> Config:
    """The config in `raw` (a TOML document read from `path`), checked against the source types
    the gather stage offers (passed in: the spine never imports a stage)."""
    base = path.resolve().parent
    name = path.name
    for key in raw:
        if key not in TOP_LEVEL:
            raise ConfigError(f"{name}: unknown table or key '{key}' at top level")

    site = _table(raw, "site", SITE_KEYS, name, required=True)
    if site["unsubscribe_url"]:
        _check_url(
            site["unsubscribe_url"], f"{name}: [site] key 'unsubscribe_url'", schemes=("http", "https", "mailto")
        )
    state = _table(raw, "state", STATE_KEYS, name)
    if not state["path"].strip():
        raise ConfigError(f"{name}: [state] key 'path': must name the state file")
    fetch = _table(raw, "fetch", FETCH_KEYS, name)
    email = _table(raw, "email", EMAIL_KEYS, name)
    if email["security"] not in ("none", "starttls", "ssl"):
        raise ConfigError(f"{name}: [email] key 'security': must be none, starttls or ssl, not {email['security']!r}")
    _check_strings(email["recipients"], f"{name}: [email] key 'recipients'")
    for recipient in email["recipients"]:
        _check_address(recipient, f"{name}: [email] key 'recipients'")
    _check_address(email["sender"], f"{name}: [email] key 'sender'")
    if email["enabled"] and not email["recipients"]:
        raise ConfigError(f"{name}: [email] key 'recipients': e-mail is enabled but nobody receives it")
    log = _table(raw, "log", LOG_KEYS, name)
    history = _table(raw, "history", HISTORY_KEYS, name)

    shows = parse_shows(raw.get("shows", []), name, base)
    sources = _sources(raw.get("sources", []), name, {s.name for s in shows}, source_types)

    return Config(
        site=SiteSettings(
            title=site["title"],
            base_url=site["base_url"] if site["base_url"].endswith("/") else site["base_url"] + "/",
            output_dir=base / site["output_dir"],
            feed_items=site["feed_items"],
            unsubscribe_url=site["unsubscribe_url"],
        ),
        state_path=base / state["path"],
        fetch=FetchSettings(**fetch),
        email=EmailSettings(
            **{k: v for k, v in email.items() if k not in ("recipients", "outbox_dir")},
            recipients=tuple(email["recipients"]),
            outbox_dir=base / email["outbox_dir"],
        ),
        shows=tuple(shows),
        sources=tuple(sources),
        log_path=base / log["path"] if log["path"].strip() else None,
        path=path,
        history=HistorySettings(**history),
    )


def _table(
    raw: dict[str, Any], table: str, keys: dict[str, Option], name: str, required: bool = False
) -> dict[str, Any]:
    if table not in raw:
        if required:
            raise ConfigError(f"{name}: missing table [{table}]")
        return {k: opt.default for k, opt in keys.items()}
    values = raw[table]
    if not isinstance(values, dict):
        raise ConfigError(f"{name}: '{table}' must be a table [{table}]")
    checked = _check_keys(values, keys, f"{name}: [{table}]")
    check_ranges(table, checked, f"{name}: [{table}]")
    return checked


def _check_keys(values: dict[str, Any], keys: dict[str, Option], where: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in values:
        if key not in keys:
            hint = _suggest(key, keys)
            raise ConfigError(f"{where}: unknown key '{key}'{hint}")
    for key, opt in keys.items():
        if key not in values:
            if opt.required:
                raise ConfigError(f"{where}: missing key '{key}'")
            out[key] = opt.default
            continue
        value = values[key]
        # TOML true/false is a Python bool, which is an int: refused where a number is wanted
        if isinstance(value, bool) and bool not in _kinds(opt):
            raise ConfigError(f"{where} key '{key}': expected {_kind_name(opt)}, got true/false")
        if not isinstance(value, opt.kind):
            raise ConfigError(f"{where} key '{key}': expected {_kind_name(opt)}, got {type(value).__name__} {value!r}")
        if isinstance(value, str) and not value.strip() and opt.required:
            raise ConfigError(f"{where} key '{key}': must not be empty")
        if isinstance(value, float) and not math.isfinite(value):
            raise ConfigError(f"{where} key '{key}': must be a finite number, not {value}")
        if opt.minimum is not None and value < opt.minimum:
            raise ConfigError(f"{where} key '{key}': must be {_bounds(opt)}, not {value}")
        if opt.maximum is not None and value > opt.maximum:
            raise ConfigError(f"{where} key '{key}': must be {_bounds(opt)}, not {value}")
        if opt.is_url:
            _check_url(value, f"{where} key '{key}'")
        out[key] = value
    return out


def _bounds(opt: Option) -> str:
    if opt.maximum is None:
        return f"{opt.minimum} or more"
    if opt.minimum is None:
        return f"{opt.maximum} or less"
    return f"from {opt.minimum} to {opt.maximum}"


def check_ranges(table: str, values: dict[str, Any], where: str) -> None:
    """Each number of `values` (read from `table`) within its NUMERIC_RANGES range."""
    for key, (least, greatest) in NUMERIC_RANGES.get(table, {}).items():
        value = values.get(key)
        if isinstance(value, int | float) and not least <= value <= greatest:
            shown = _number(value) if abs(value) < 10**15 else "a number of more than 15 digits"
            raise ConfigError(f"{where} key '{key}': must be from {_number(least)} to {_number(greatest)}, not {shown}")


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _kinds(opt: Option) -> tuple[type, ...]:
    return opt.kind if isinstance(opt.kind, tuple) else (opt.kind,)


def _kind_name(opt: Option) -> str:
    names = {str: "a string", int: "a whole number", float: "a number", bool: "true or false", list: "a list"}
    return " or ".join(dict.fromkeys(names.get(k, k.__name__) for k in _kinds(opt)))


def _suggest(key: str, keys: dict[str, Option]) -> str:
    import difflib

    close = difflib.get_close_matches(key, list(keys), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _check_url(value: str, where: str, schemes: tuple[str, ...] = ("http", "https")) -> None:
    parts = urlsplit(value)
    if parts.scheme not in schemes or (parts.scheme != "mailto" and not parts.netloc) or " " in value:
        raise ConfigError(f"{where}: not a valid {'/'.join(schemes)} URL: {value!r}")


def _check_strings(values: list[Any], where: str) -> None:
    for value in values:
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(f"{where}: every entry must be a non-empty string, got {value!r}")


def _check_address(value: str, where: str) -> None:
    """One mail address, bare or with a name ("Fan <fan@example.org>"): "editor at fans" or a
    list in one string would only be found when the server refuses the digest."""
    addresses = getaddresses([value])
    address = addresses[0][1] if len(addresses) == 1 else ""
    local, at, domain = address.rpartition("@")
    # parseaddr squeezes "fan@exa mple.org" into "fan@example.org": what it read must be what was written
    if not (at and local and domain) or address not in value or "@" in domain:
        raise ConfigError(
            f"{where}: {value!r} is not one e-mail address (write name@example.org or Name <name@example.org>)"
        )


def environment_problems(config: Config, mailing: bool) -> list[str]:
    """One line per environment variable the config names and this process lacks, for a run
    that will mail (`mailing`): found before anything is fetched, not when the digest goes."""
    if not mailing:
        return []
    where = f"{config.path.name if config.path else 'config'}: [email]"
    problems = []
    # the password is read only with a login name (feeds.mailer.credentials)
    keys = ("username_env", "password_env") if config.email.username_env else ()
    for key in keys:
        variable = getattr(config.email, key)
        if variable and not os.environ.get(variable):
            alternative = ', or username_env = "" for a server without login' if key == "username_env" else ""
            problems.append(
                f"{where} key '{key}': environment variable {variable} is not set here; set it in the "
                f"environment the run starts in (a crontab line does not read your shell's profile){alternative}"
            )
    return problems


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or "show"


def _tables(raw: list[Any], name: str, array: str) -> Iterator[tuple[int, str, dict[str, Any]]]:
    """Each table of the array [[`array`]] with where it is, as errors name it: its number, and
    its name once it has one, so a user finds it in a long file."""
    for index, entry in enumerate(raw, start=1):
        where = f"{name}: [[{array}]] #{index}"
        if not isinstance(entry, dict):
            raise ConfigError(f"{where}: must be a table")
        if isinstance(entry.get("name"), str):
            where = f"{where} ({entry['name']})"
        yield index, where, entry


def parse_shows(raw: Any, name: str, base: Path) -> list[ShowSpec]:
    """The [[shows]] array of the file `name` in the folder `base`, checked and resolved as a
    config's are (slugs, aliases, article paths): the evaluation set's shows.toml reads through
    it too, so it measures the shows a run would follow."""
    if not isinstance(raw, list):
        raise ConfigError(f"{name}: 'shows' must be an array of tables [[shows]]")
    if not raw:
        raise ConfigError(f"{name}: no [[shows]] configured; add at least one show to follow")
    shows: list[ShowSpec] = []
    seen: dict[str, int] = {}
    slugs: dict[str, str] = {}
    for index, where, entry in _tables(raw, name, "shows"):
        values = _check_keys(entry, SHOW_KEYS, where)
        check_ranges("shows", values, where)
        show_name = values["name"].strip()
        if show_name.casefold() in seen:
            raise ConfigError(
                f"{where} key 'name': duplicate show {show_name!r}, also [[shows]] #{seen[show_name.casefold()]}"
            )
        seen[show_name.casefold()] = index
        _check_strings(values["aliases"], f"{where} key 'aliases'")
        article = (base / values["article"]).resolve()
        if not article.is_file():
            raise ConfigError(f"{where} key 'article': file not found: {article}")
        if not _has_text(article):
            raise ConfigError(
                f"{where} key 'article': {article} is empty; write what the article says so far "
                "(every fact would be news against an empty one)"
            )
        slug = slugify(values["slug"] or show_name)
        if slug in slugs:
            raise ConfigError(f"{where} key 'slug': '{slug}' is already used by {slugs[slug]!r}; set a different slug")
        slugs[slug] = show_name
        shows.append(
            ShowSpec(
                name=show_name,
                season=values["season"],
                aliases=tuple(a.strip() for a in values["aliases"]),
                article=article,
                slug=slug,
            )
        )
    return shows


def _has_text(article: Path) -> bool:
    try:
        return bool(article.read_text(encoding="utf-8", errors="replace").strip())
    except OSError as exc:
        raise ConfigError(f"{article}: cannot read the article: {exc.strerror}") from None


def _sources(
    raw: Any, name: str, show_names: set[str], source_types: Mapping[str, ConfigurableSource]
) -> list[SourceSpec]:
    if not isinstance(raw, list):
        raise ConfigError(f"{name}: 'sources' must be an array of tables [[sources]]")
    sources: list[SourceSpec] = []
    seen: dict[str, int] = {}
    for index, where, entry in _tables(raw, name, "sources"):
        kind = entry.get("type")
        if kind is None:
            raise ConfigError(f"{where}: missing key 'type'")
        if not isinstance(kind, str):
            raise ConfigError(f"{where} key 'type': expected a string, got {type(kind).__name__} {kind!r}")
        if kind not in source_types:
            known = ", ".join(sorted(source_types))
            raise ConfigError(f"{where} key 'type': unknown source type {kind!r} (known: {known})")
        source_type = source_types[kind]
        values = _check_keys(entry, {**SOURCE_COMMON_KEYS, **source_type.options}, where)
        source_name = values["name"].strip()
        if source_name.casefold() in seen:
            raise ConfigError(
                f"{where} key 'name': duplicate source {source_name!r}, also [[sources]] #{seen[source_name.casefold()]}"
            )
        seen[source_name.casefold()] = index
        _check_strings(values["shows"], f"{where} key 'shows'")
        for show in values["shows"]:
            if show not in show_names:
                raise ConfigError(f"{where} key 'shows': {show!r} is not a configured show")
        options = {k: v for k, v in values.items() if k not in SOURCE_COMMON_KEYS}
        limited = list(values["shows"])
        for key, opt in source_type.options.items():
            if opt.is_show and options.get(key):
                if options[key] not in show_names:
                    raise ConfigError(f"{where} key '{key}': {options[key]!r} is not a configured show")
                # first: a structured source's facts are about this show (observations_of)
                limited = [options[key], *(show for show in limited if show != options[key])]
        problem = source_type.check_options(options)
        if problem:
            key, message = problem
            raise ConfigError(f"{where} key '{key}': {message}")
        sources.append(
            SourceSpec(
                name=source_name,
                type=kind,
                url=options[source_type.url_key],
                shows=tuple(limited),
                options=options,
            )
        )
    return sources
