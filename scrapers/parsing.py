"""Reading fetched documents in worker processes, one document at a time per worker, each under
a time budget (`fetch.parse_timeout`).

A parse is CPU work in C libraries (libxml2, the MediaWiki tokenizer, regular expressions), and a
thread cannot be stopped half-way: a hostile document would go on costing CPU after its source
was given up. A process can be: a worker still reading when its budget runs out is killed (its
CPU stops at once) and replaced, and only that source fails. The pool is sized to the cores, so
documents are read in parallel while the event loop keeps downloading the others.

Workers come from a fork server that has imported the parsers once (a new worker starts in
milliseconds), never from a fork of the multi-threaded run itself.

A run may also ask for each update to be read ahead (`ReadAhead`): the worker then calls the
run's reader on every update it parsed, within the first half of the document's budget, so that
work too is done on the other cores while the downloads go on. What it reads is the run's
business: this module only calls the function it was named.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import multiprocessing
import os
import resource
import signal
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing import forkserver
from multiprocessing.connection import Connection
from typing import Any

from scrapers.source_type import Document, IncompleteParse, Parsed, ParseError
from seasonwatch.models import ReadAhead, SourceSpec

# a worker's address space: far above what a 5 MB document needs (about 200 MB), far below what
# would push the cron host into swap; a parse that wants more fails alone
WORKER_MEMORY = 2 * 1024**3


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def _context(preload: tuple[str, ...] = ()) -> multiprocessing.context.BaseContext:
    if "forkserver" not in multiprocessing.get_all_start_methods():  # pragma: no cover - Windows
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    # the main module, the parsers and the libraries they import where they read (and a
    # read-ahead's module), imported once in the fork server rather than in every worker (a worker
    # of `python run.py` would otherwise import the whole program again); the fork server starts
    # once per process, so the first pool's list holds
    context.set_forkserver_preload(["__main__", "scrapers", *preload])
    # Python 3.11's fork server does not take our sys.path (it drops the `sys_path` it is
    # given): it would import an installed copy of the parsers rather than the one this run
    # uses. PYTHONPATH is how it gets the same path; the fork server starts once per process.
    with _environment("PYTHONPATH", os.pathsep.join(path for path in sys.path if path)):
        forkserver.ensure_running()
    return context


@contextlib.contextmanager
def _environment(name: str, value: str) -> Iterator[None]:
    before = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if before is None:
            del os.environ[name]
        else:
            os.environ[name] = before


@dataclass(eq=False)  # each worker is itself: kept in a set by identity
class _Worker:
    process: multiprocessing.process.BaseProcess
    connection: Connection

    def stop(self) -> None:
        """Kill at once: a worker is only ever stopped mid-parse, or idle with nothing to lose."""
        with contextlib.suppress(OSError):
            self.connection.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)


class ParsePool:
    """`async with ParsePool(budget=10.0) as pool: parsed = await pool.read(spec, document)`."""

    def __init__(
        self,
        budget: float,
        workers: int | None = None,
        read_ahead: ReadAhead | None = None,
        libraries: tuple[str, ...] = (),
    ) -> None:
        self.budget = budget
        self.read_ahead = read_ahead
        self.libraries = libraries  # what the parsers import where they read (SourceType.libraries)
        self.size = max(1, workers or cores())
        self.documents = 0  # documents handed to the workers (for tests and benchmarks)
        self.cpu_seconds = 0.0  # the workers' CPU reading them (for the run's phase timings)
        self._idle: asyncio.Queue[_Worker] = asyncio.Queue()
        self._started = 0
        self._workers: set[_Worker] = set()

    async def __aenter__(self) -> ParsePool:
        return self

    async def __aexit__(self, *exc: object) -> None:
        workers, self._workers = list(self._workers), set()
        await asyncio.gather(*(asyncio.to_thread(_close, worker) for worker in workers))

    async def read(self, spec: SourceSpec, document: Document) -> Parsed:
        """What the source type's parser makes of `document`: raises ParseError (IncompleteParse
        for a partial read) as the parser would, and ParseError when the budget runs out."""
        worker = await self._worker()
        self.documents += 1
        try:
            outcome = await asyncio.wait_for(
                asyncio.to_thread(_exchange, worker.connection, spec, document), self.budget
            )
        except TimeoutError:
            self._discard(worker)
            raise ParseError(
                f"reading the document took longer than fetch.parse_timeout ({self.budget:g} s); stopped"
            ) from None
        except (EOFError, OSError):
            code = worker.process.exitcode
            self._discard(worker)
            raise ParseError(f"the parser process stopped while reading the document (exit status {code})") from None
        except BaseException:  # cancelled (the run's deadline): the worker must stop reading too
            self._discard(worker)
            raise
        self._idle.put_nowait(worker)
        outcome, cpu = outcome
        self.cpu_seconds += cpu
        return _result(outcome)

    async def _worker(self) -> _Worker:
        if self._idle.empty() and self._started < self.size:
            self._started += 1
            try:
                preload = self.libraries + ((self.read_ahead.reader.partition(":")[0],) if self.read_ahead else ())
                worker = await asyncio.to_thread(_start, _context(preload), self.read_ahead, self.budget)
            except OSError as exc:
                self._started -= 1
                raise ParseError(f"cannot start a parser process: {exc}") from None
            self._workers.add(worker)
            return worker
        return await self._idle.get()

    def _discard(self, worker: _Worker) -> None:
        worker.stop()
        self._workers.discard(worker)
        self._started -= 1  # the next read starts a fresh one


def _start(
    context: multiprocessing.context.BaseContext, read_ahead: ReadAhead | None = None, budget: float = 0.0
) -> _Worker:
    ours, theirs = context.Pipe()
    process = context.Process(target=serve, args=(theirs, read_ahead, budget), daemon=True, name="seasonwatch-parser")
    process.start()
    theirs.close()
    return _Worker(process, ours)


def _close(worker: _Worker) -> None:
    with contextlib.suppress(OSError):
        worker.connection.close()  # an idle worker reads the end of its pipe and leaves
    worker.process.join(2)
    worker.stop()


def _exchange(connection: Connection, spec: SourceSpec, document: Document) -> tuple[tuple[Any, ...], float]:
    connection.send((spec, document))
    return connection.recv()


def _result(outcome: tuple[Any, ...]) -> Parsed:
    kind = outcome[0]
    if kind == "parsed":
        return outcome[1]
    if kind == "incomplete":
        raise IncompleteParse(outcome[1], outcome[2])
    raise ParseError(outcome[1])


# ---------------------------------------------------------------------------- in the worker


def serve(connection: Connection, read_ahead: ReadAhead | None = None, budget: float = 0.0) -> None:
    """A worker's life: read documents until the pipe closes; each answer carries the CPU seconds
    it took."""
    reader = _ReaderAhead(read_ahead) if read_ahead else None
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the run, which stops us itself
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (WORKER_MEMORY, resource.getrlimit(resource.RLIMIT_AS)[1]))
    while True:
        try:
            spec, document = connection.recv()
        except (EOFError, OSError):
            return
        started, arrived = time.process_time(), time.monotonic()
        outcome = read_document(spec, document)
        if reader is not None and outcome[0] != "failed":
            parsed = outcome[-1]
            # what is left unread here the run reads itself: never a reason to miss the budget
            parsed.read_ahead = reader.readings(parsed.updates, until=arrived + budget / 2)
        connection.send((outcome, time.process_time() - started))


class _ReaderAhead:
    """The run's reader in this worker, made on the first document; one that cannot be made, or
    that fails on an update, leaves the run to read those updates itself."""

    def __init__(self, read_ahead: ReadAhead) -> None:
        self.read_ahead = read_ahead
        self._read: Callable[[Any], Any] | None = None
        self._unavailable = False

    def readings(self, updates: list, until: float) -> list:
        read = self._reader()
        readings = []
        for update in updates:
            if read is None or time.monotonic() > until:
                break
            try:
                readings.append(read(update))
            except Exception:  # the run's own reading says what is wrong with it
                continue
        return readings

    def _reader(self) -> Callable[[Any], Any] | None:
        if self._read is None and not self._unavailable:
            module, _, name = self.read_ahead.reader.partition(":")
            try:
                self._read = getattr(importlib.import_module(module), name)(*self.read_ahead.setup)
            except Exception:
                self._unavailable = True
        return self._read


def read_document(spec: SourceSpec, document: Document) -> tuple[Any, ...]:
    """The parser's verdict as plain data that crosses the pipe: ("parsed", Parsed),
    ("incomplete", reason, Parsed) or ("failed", reason)."""
    from scrapers import SOURCE_TYPES, boundary  # here, not at the top: scrapers imports this module

    source_type = SOURCE_TYPES[spec.type]
    try:
        # made safe here too (the boundary's work on each item), under the same budget and off
        # the event loop; the run's gate then only reports what it changed
        return ("parsed", boundary.cleaned(source_type.parse(spec, document), source_type.request_url(spec)))
    except IncompleteParse as exc:
        return ("incomplete", str(exc), boundary.cleaned(exc.parsed, source_type.request_url(spec)))
    except ParseError as exc:
        return ("failed", str(exc))
    except MemoryError:
        return ("failed", f"reading the document needed more than {WORKER_MEMORY // 1024**2:,} MB of memory")
    except Exception as exc:  # a bug or a surprise in one document must not end the worker
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return (
            "failed",
            f"unexpected {type(exc).__name__}: {exc} (at {os.path.basename(where.filename)}:{where.lineno})",
        )
