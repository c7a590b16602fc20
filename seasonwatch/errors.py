"""The errors that end a command, each with the exit status it ends with (the README's table).

Errors a stage handles itself (a source that cannot be fetched or parsed, a digest the server
will not take) are the stage's own and never end a run; these do, with one line that says why.
"""

from __future__ import annotations


class SeasonWatchError(Exception):
    """A command cannot go on; str() is the one-line reason."""

    exit_status = 1


class ConfigError(SeasonWatchError):
    """A bad config or command line: the line names the file, the table and the key."""

    exit_status = 2


class RunFailed(SeasonWatchError):
    """The run could not proceed (an output that cannot be written)."""


class StoreError(SeasonWatchError):
    """The state file cannot be read, written or trusted."""


class LockFailed(SeasonWatchError):
    """The run lock cannot be taken safely (not ours, a link)."""


class RunLocked(SeasonWatchError):
    """Another run holds the lock: this one exits at once and touches nothing."""

    exit_status = 75
