"""The Jinja2 environment for every template in templates/: autoescaping always on.

Compiling the templates from source took a tenth of a second of every run (17 templates); the
compiled code is cached per user (`template_cache_dir`), the way Python caches a module's
bytecode, and a template whose source changed is compiled again."""

from __future__ import annotations

import contextlib
import hashlib
import os
from datetime import datetime
from functools import lru_cache
from pathlib import Path

import jinja2
from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined
from jinja2.bccache import Bucket

CACHE_DIR_ENV = "SEASONWATCH_CACHE_DIR"


def _when(moment: datetime | None, style: str = "date") -> str:
    if moment is None:
        return ""
    if style == "datetime":
        return moment.strftime("%b %-d, %Y %H:%M UTC")
    return moment.strftime("%b %-d, %Y")


class _TemplateCache(FileSystemBytecodeCache):
    """Jinja's file cache, but never a reason for a run to fail: a cache that cannot be read or
    written is only slower (the template is compiled from its source, as without a cache)."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # unreadable or damaged (pickle, marshal, a short file): compile it
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):  # a full disk or a read-only folder: compiled next time
            super().dump_bytecode(bucket)


def template_cache_dir() -> Path:
    """Where compiled templates are kept: $SEASONWATCH_CACHE_DIR, else the user's cache folder
    ($XDG_CACHE_HOME or ~/.cache) under seasonwatch/templates."""
    if os.environ.get(CACHE_DIR_ENV):
        return Path(os.environ[CACHE_DIR_ENV]) / "templates"
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "seasonwatch" / "templates"


def _cache_for(env: Environment) -> _TemplateCache | None:
    """A cache of templates compiled with `env`'s settings (Jinja names a cached template by its
    name and source only, so the settings that change the compiled code are in the file name:
    the text overlay's templates are compiled without escaping). None when no private folder can
    be made."""
    settings = repr((jinja2.__version__, env.autoescape, env.trim_blocks, env.lstrip_blocks, env.keep_trailing_newline))
    tag = hashlib.sha1(settings.encode()).hexdigest()[:12]
    folder = template_cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        held = folder.stat()
        # compiled code is loaded from here: ours alone, and nobody else may write into it
        if held.st_uid != os.getuid() or held.st_mode & 0o022:
            return None
    except OSError:
        return None
    return _TemplateCache(str(folder), f"{tag}-%s.cache")


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("templates", "."),
        autoescape=True,  # every template, whatever its name: scraped text is never trusted
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["when"] = _when
    env.bytecode_cache = _cache_for(env)
    return env


@lru_cache(maxsize=1)
def text_environment() -> Environment:
    """For text/plain mail: no HTML escaping (there is no HTML to break). Kept like environment():
    a new overlay has its own template cache, so each digest would compile its template again."""
    env = environment().overlay(autoescape=False)
    env.bytecode_cache = _cache_for(env)
    return env
