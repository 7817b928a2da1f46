"""A small bounded load generator: ``python -m bench.loadgen URL [options]``, JSON on stdout.

It keeps ``--concurrency`` connections busy for ``--duration`` seconds, each one sending
``GET`` requests one after another, and reports every request's latency (connect to the last
byte) with its status. It is deliberately plain: asyncio and raw sockets, no dependency, HTTP/1.1
with ``Connection: close`` (gunicorn's sync workers close every connection anyway, so each request
pays the same connect on every server). Nothing is sent after the duration; requests still
running then get ``--grace`` seconds to finish, and those that do not are counted as
``unfinished`` errors, so a run never outlasts ``duration + grace``. A request also fails after
``--timeout`` seconds. It runs in a process of its own so that the server under load and the
client never share an interpreter.

Each connection uses one of the ``--cookie`` values in turn (one signed-in user each, as real
users are), or none.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from dataclasses import asdict, dataclass, field
from urllib.parse import urlsplit


@dataclass
class Result:
    url: str
    concurrency: int
    duration: float
    latencies: list[float] = field(default_factory=list)  # seconds, of answered requests
    statuses: dict[str, int] = field(default_factory=dict)  # status (or error kind) -> count
    errors: list[str] = field(default_factory=list)  # the first few error messages
    elapsed: float = 0.0
    in_flight: int = 0

    def count(self, key: str, message: str = "") -> None:
        self.statuses[key] = self.statuses.get(key, 0) + 1
        if message and len(self.errors) < 5:
            self.errors.append(message)


async def _one_request(host: str, port: int, request: bytes, timeout: float) -> tuple[int, bytes]:
    reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), timeout)
    try:
        writer.write(request)
        await writer.drain()
        data = await asyncio.wait_for(reader.read(-1), timeout)  # to EOF: Connection: close
    finally:
        writer.close()
        try:
            await writer.wait_closed()
        except (ConnectionError, OSError):
            pass
    head = data.split(b"\r\n", 1)[0]
    parts = head.split(b" ", 2)
    if len(parts) < 2 or not parts[0].startswith(b"HTTP/") or not parts[1].isdigit():
        raise ValueError(f"not an HTTP response: {head[:60]!r}")
    return int(parts[1]), data


async def _worker(
    result: Result,
    host: str,
    port: int,
    request: bytes,
    deadline: float,
    timeout: float,
    max_requests: int,
) -> None:
    while time.perf_counter() < deadline and len(result.latencies) < max_requests:
        start = time.perf_counter()
        result.in_flight += 1
        try:
            status, _ = await _one_request(host, port, request, timeout)
        except TimeoutError:
            result.count("timeout", f"no answer within {timeout:.0f} s")
            continue
        except (OSError, ValueError, asyncio.IncompleteReadError) as error:
            result.count("connection error", f"{type(error).__name__}: {error}")
            await asyncio.sleep(0.05)  # a refused connection must not spin
            continue
        finally:
            result.in_flight -= 1
        result.latencies.append(time.perf_counter() - start)
        result.count(str(status), "" if status == 200 else f"answered {status}")


def build_request(url: str, cookie: str | None) -> tuple[str, int, bytes]:
    parts = urlsplit(url)
    if parts.scheme != "http" or not parts.hostname:
        raise ValueError(f"only http:// URLs: {url!r}")
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    port = parts.port or 80
    lines = [
        f"GET {path} HTTP/1.1",
        f"Host: {parts.hostname}:{port}",
        "User-Agent: boardpack-bench",
        "Accept: text/html,application/json,*/*",
        "Connection: close",
    ]
    if cookie:
        lines.append(f"Cookie: {cookie}")
    return parts.hostname, port, ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


async def run(
    url: str,
    *,
    concurrency: int = 20,
    duration: float = 5.0,
    timeout: float = 30.0,
    grace: float = 10.0,
    cookies: list[str] | None = None,
    max_requests: int = 1_000_000,
) -> Result:
    result = Result(url=url, concurrency=concurrency, duration=duration)
    cookies = cookies or [""]
    requests = [build_request(url, cookies[i % len(cookies)] or None) for i in range(concurrency)]
    started = time.perf_counter()
    deadline = started + duration
    tasks = [
        asyncio.create_task(_worker(result, host, port, request, deadline, timeout, max_requests))
        for host, port, request in requests
    ]
    _done, pending = await asyncio.wait(tasks, timeout=duration + grace)
    unfinished = result.in_flight
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    for _ in range(unfinished):
        result.count("unfinished", f"still running {grace:.0f} s after the load stopped")
    result.elapsed = time.perf_counter() - started
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--duration", type=float, default=5.0, help="seconds of sending")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per request")
    parser.add_argument("--grace", type=float, default=10.0, help="seconds to finish after")
    parser.add_argument("--cookie", action="append", default=[], help="Cookie header value")
    parser.add_argument("--max-requests", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    if args.concurrency < 1 or min(args.duration, args.timeout, args.grace) <= 0:
        parser.error("--concurrency, --duration, --timeout and --grace must be positive")
    result = asyncio.run(
        run(
            args.url,
            concurrency=args.concurrency,
            duration=args.duration,
            timeout=args.timeout,
            grace=args.grace,
            cookies=args.cookie,
            max_requests=args.max_requests,
        )
    )
    json.dump(asdict(result), sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
