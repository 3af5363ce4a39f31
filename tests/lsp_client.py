"""A small LSP client over stdio for the end-to-end tests: JSON-RPC with Content-Length framing,
written here rather than taken from pygls so that the server is checked against the protocol, not
against its own library."""

from __future__ import annotations

import json
import queue
import subprocess
import threading
import time
from typing import IO, Any


class LspClient:
    def __init__(self, command: list[str], cwd: str | None = None) -> None:
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd
        )
        self._next_id = 0
        self.notifications: queue.Queue[dict[str, Any]] = queue.Queue()
        self._replies: dict[int, dict[str, Any]] = {}
        self._reply_ready = threading.Condition()
        self.stderr = b""
        self._reader = threading.Thread(target=self._read_loop, daemon=True)
        self._reader.start()
        self._err_reader = threading.Thread(target=self._read_stderr, daemon=True)
        self._err_reader.start()

    # -- wire

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}, ensure_ascii=False).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(f"Content-Length: {len(body)}\r\n\r\n".encode("ascii") + body)
        self.process.stdin.flush()

    def _read_stderr(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.stderr += line

    def _read_loop(self) -> None:
        stream: IO[bytes] | None = self.process.stdout
        assert stream is not None
        while True:
            length = None
            while True:
                header = stream.readline()
                if not header:
                    return
                header = header.strip()
                if not header:
                    break
                name, _, value = header.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            assert length is not None, "a message without Content-Length"
            message: dict[str, Any] = json.loads(stream.read(length).decode("utf-8"))
            if "id" in message and "method" in message:  # a request from the server
                self._answer_server_request(message)
            elif "id" in message:
                with self._reply_ready:
                    self._replies[message["id"]] = message
                    self._reply_ready.notify_all()
            else:
                self.notifications.put(message)

    def _answer_server_request(self, message: dict[str, Any]) -> None:
        self.notifications.put(message)  # recorded, so tests can see what the server asked
        result: Any = {"applied": True} if message["method"] == "workspace/applyEdit" else None
        self._send({"id": message["id"], "result": result})

    # -- API

    def request(self, method: str, params: Any, timeout: float = 60.0) -> Any:
        self._next_id += 1
        request_id = self._next_id
        self._send({"id": request_id, "method": method, "params": params})
        deadline = time.monotonic() + timeout
        with self._reply_ready:
            while request_id not in self._replies:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or self.process.poll() is not None:
                    raise TimeoutError(f"no reply to {method}; server stderr:\n{self.stderr.decode(errors='replace')}")
                self._reply_ready.wait(min(remaining, 0.5))
            reply = self._replies.pop(request_id)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        return reply.get("result")

    def notify(self, method: str, params: Any) -> None:
        self._send({"method": method, "params": params})

    def wait_notification(self, method: str, timeout: float = 60.0, uri: str | None = None) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"no {method}; server stderr:\n{self.stderr.decode(errors='replace')}")
            try:
                message = self.notifications.get(timeout=remaining)
            except queue.Empty:
                continue
            if message.get("method") == method and (uri is None or message["params"].get("uri") == uri):
                params: dict[str, Any] = message["params"]
                return params

    def drain(self, seconds: float) -> list[dict[str, Any]]:
        """Every notification that arrives within `seconds`."""
        out = []
        deadline = time.monotonic() + seconds
        while (remaining := deadline - time.monotonic()) > 0:
            try:
                out.append(self.notifications.get(timeout=remaining))
            except queue.Empty:
                break
        return out

    def close(self) -> int:
        if self.process.poll() is None:
            try:
                self.request("shutdown", None, timeout=20)
                self.notify("exit", None)
                return self.process.wait(timeout=20)
            except (TimeoutError, OSError, subprocess.TimeoutExpired):
                self.process.kill()
        return self.process.wait()
