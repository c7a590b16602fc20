"""Loopback web servers that answer every request after a set latency, for the benchmarks.

Each host is its own loopback address (127.0.0.1, 127.0.0.2, …), so a client's per-host limit
sees them as different hosts. A document served with an ETag is answered 304 (no body) when the
request names that ETag, as a real outlet's server does for an unchanged feed.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable

# path -> (body, content type, ETag or ""), or None for 404
Documents = Callable[[str], tuple[bytes, str, str] | None]


class SlowHosts:
    def __init__(self, hosts: int, latency: float, documents: Documents) -> None:
        self.hosts, self.latency, self.documents = hosts, latency, documents
        self.addresses: list[tuple[str, int]] = []
        self.requests = 0
        self.not_modified = 0
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> SlowHosts:
        self._thread.start()
        self._ready.wait()
        return self

    def __exit__(self, *exc: object) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()

    def url(self, number: int, path: str) -> str:
        """The URL of `path` on the host that serves source `number` (sources spread over hosts)."""
        host, port = self.addresses[number % self.hosts]
        return f"http://{host}:{port}{path}"

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        for number in range(self.hosts):
            server = self._loop.run_until_complete(
                asyncio.start_server(self._serve, f"127.0.0.{number + 1}", 0, backlog=1024)
            )
            self.addresses.append(server.sockets[0].getsockname()[:2])
        self._ready.set()
        self._loop.run_forever()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while head := await reader.readuntil(b"\r\n\r\n"):
                await asyncio.sleep(self.latency)
                self.requests += 1
                writer.write(self._answer(head))
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    def _answer(self, head: bytes) -> bytes:
        lines = head.decode("latin-1").split("\r\n")
        path = lines[0].split(" ")[1] if len(lines[0].split(" ")) > 1 else "/"
        asked = {name.strip().lower(): value.strip() for name, _, value in (line.partition(":") for line in lines[1:])}
        found = self.documents(path)
        if found is None:
            return b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"
        body, content_type, etag = found
        if etag and asked.get("if-none-match") == etag:
            self.not_modified += 1
            return f"HTTP/1.1 304 Not Modified\r\nETag: {etag}\r\nContent-Length: 0\r\n\r\n".encode()
        headers = f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n"
        if etag:
            headers += f"ETag: {etag}\r\n"
        return headers.encode() + b"\r\n" + body
