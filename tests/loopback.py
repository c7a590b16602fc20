"""A programmable HTTP server on 127.0.0.1 for end-to-end fetch tests.

Each `Host` is one server on its own port (so one "host" for the per-host limit). Routes answer
with a status, headers, a body and an optional delay; every request is logged with its headers,
and the server counts how many requests it holds at once, per host and across all hosts.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering
    hang: bool = False  # never answer (until the server closes)


Route = Reply | Callable[[dict[str, str]], Reply]  # a fixed reply, or one built from the request headers


class InFlight:
    """Counts requests being answered at once; shared by hosts to see the global limit."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.now = 0
        self.most = 0

    def __enter__(self) -> None:
        with self._lock:
            self.now += 1
            self.most = max(self.most, self.now)

    def __exit__(self, *exc: object) -> None:
        with self._lock:
            self.now -= 1


class Host:
    """`with Host() as host: host.route("/feed", Reply(body=...)); host.url("/feed")`."""

    def __init__(self, everyone: InFlight | None = None, address: str = "127.0.0.1") -> None:
        self.routes: dict[str, Route] = {"/robots.txt": Reply(404)}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.peers: list[tuple[str, int]] = []  # the client's end of the connection of each request
        self.in_flight = InFlight()
        self.everyone = everyone or InFlight()
        self.release = threading.Event()  # ends hanging replies at shutdown
        self._server = ThreadingHTTPServer((address, 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        host = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                headers = {k.lower(): v for k, v in self.headers.items()}
                host.requests.append((self.path, headers))
                host.peers.append(self.client_address[:2])
                route = host.routes.get(self.path) or host.routes.get(urlsplit(self.path).path) or Reply(404)
                reply = route(headers) if callable(route) else route
                # counted while the client waits for its answer, and no longer once the answer is
                # on its way: a client that reads it and sends its next request must not find this
                # one still counted because this thread had not yet been scheduled again
                with host.in_flight, host.everyone:
                    if reply.hang:
                        host.release.wait(60)
                        return
                    if reply.delay:
                        host.release.wait(reply.delay)
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                self.wfile.write(reply.body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        return Handler

    def route(self, path: str, reply: Route) -> str:
        self.routes[path] = reply
        return self.url(path)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base_url + path

    def paths(self) -> list[str]:
        return [path for path, _ in self.requests]

    def __enter__(self) -> Host:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        self._server.shutdown()
        self._server.server_close()


def free_port() -> int:
    """A loopback port nothing listens on (until a test starts a server there)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def dead_url(path: str = "/feed") -> str:
    """An address where nothing listens: connecting is refused at once."""
    return f"http://127.0.0.1:{free_port()}{path}"
