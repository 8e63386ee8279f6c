"""A local TCP proxy a test can cut: one PC's way to the hall server, as a cable the test pulls.

``cut("blackhole")`` is a pulled cable: open connections stop passing bytes and new ones are accepted
but never answered, so the client only learns of it through its own timeouts. ``cut("reset")`` is a
server PC switched off with the switch still up: connections are reset at once. ``restore()`` plugs
the cable back in (connections that were open stay dead, as they would on a real LAN).
"""

from __future__ import annotations

import contextlib
import select
import socket
import threading
from typing import Literal


class TcpProxy:
    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._listener.getsockname()[1]
        self._lock = threading.Lock()
        self._pairs: list[tuple[socket.socket, socket.socket]] = []
        self._mode: Literal["open", "blackhole", "reset"] = "open"
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._accept, name="tcp-proxy", daemon=True)
        self._thread.start()

    # the test's switches ---------------------------------------------------------------------------
    def cut(self, mode: Literal["blackhole", "reset"] = "blackhole") -> None:
        with self._lock:
            self._mode = mode
            pairs, self._pairs = self._pairs, []
        for client, server in pairs:
            if mode == "reset":
                _reset(client)
            server.close()
            if mode == "blackhole":
                self._hold(client)

    def restore(self) -> None:
        with self._lock:
            self._mode = "open"

    def close(self) -> None:
        self._stopped.set()
        self._listener.close()
        with self._lock:
            pairs, self._pairs = self._pairs, []
        for client, server in pairs:
            client.close()
            server.close()

    # the plumbing ----------------------------------------------------------------------------------
    def _hold(self, client: socket.socket) -> None:
        """Keep a connection open and silent: bytes sent into it go nowhere."""

        def swallow() -> None:
            with contextlib.suppress(OSError):
                while not self._stopped.is_set() and self._mode == "blackhole":
                    ready, _, _ = select.select([client], [], [], 0.2)
                    if ready and not client.recv(65536):
                        break
            client.close()

        threading.Thread(target=swallow, daemon=True).start()

    def _accept(self) -> None:
        while not self._stopped.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            with self._lock:
                mode = self._mode
            if mode == "reset":
                _reset(client)
                continue
            if mode == "blackhole":
                self._hold(client)
                continue
            try:
                server = socket.create_connection(self.target, timeout=5)
            except OSError:
                _reset(client)
                continue
            with self._lock:
                self._pairs.append((client, server))
            threading.Thread(target=self._pump, args=(client, server), daemon=True).start()

    def _pump(self, client: socket.socket, server: socket.socket) -> None:
        sockets = [client, server]
        with contextlib.suppress(OSError, ValueError):
            while not self._stopped.is_set():
                ready, _, _ = select.select(sockets, [], [], 0.2)
                with self._lock:
                    alive = (client, server) in self._pairs
                if not alive:
                    return
                for sock in ready:
                    data = sock.recv(65536)
                    if not data:
                        client.close()
                        server.close()
                        return
                    (server if sock is client else client).sendall(data)


def _reset(sock: socket.socket) -> None:
    """Close with RST instead of FIN (SO_LINGER 0), as a dead host's switch port would answer."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        sock.close()
