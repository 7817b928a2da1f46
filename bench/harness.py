"""What ``python -m bench`` sets up for the modules: bench databases, sessions and servers.

Every database made here is the benchmark's own: a SQLite file in a temporary folder, or a
PostgreSQL database named ``boardpack_bench_<pid>_<what>`` on the server ``DATABASE_URL`` names
(or the local one at 127.0.0.1:5432), dropped at the end. Servers are started on free ports of
127.0.0.1 in a process group of their own and always stopped (``serving`` is a context manager).
"""

from __future__ import annotations

import http.client
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

POSTGRES_SCHEMES = ("postgres", "postgresql", "pgsql")
LOCAL_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres"
SESSIONS = 20  # one signed-in user per connection of the load
PREPARE_TIMEOUT = 900.0
STARTUP_TIMEOUT = 90.0


@dataclass
class Database:
    vendor: str  # "sqlite" or "postgresql"
    size: str  # "demo" or "10x demo"
    url: str
    cookies: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return f"{self.vendor} {self.size}"


@dataclass
class Context:
    """Handed to the modules through :func:`context` (``bench.harness.CONTEXT``)."""

    workdir: Path
    quick: bool
    duration: float  # seconds of load per page
    secret_key: str
    databases: list[Database] = field(default_factory=list)  # for servers, never the main one
    notes: list[str] = field(default_factory=list)  # said under the table

    def database(self, vendor: str, size: str = "demo") -> Database | None:
        for database in self.databases:
            if database.vendor == vendor and database.size == size:
                return database
        return None

    def environment(self, database_url: str, **extra: str) -> dict[str, str]:
        """A production-like environment for a server or command on ``database_url``."""
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith("BOARDPACK_") and k != "PYTHONDONTWRITEBYTECODE"
        }
        env.update(
            {
                "DATABASE_URL": database_url,
                "BOARDPACK_SECRET_KEY": self.secret_key,
                "BOARDPACK_DEBUG": "0",
                "BOARDPACK_DEMO": "0",
                "BOARDPACK_DATA_DIR": str(self.workdir / "data"),
                "PYTHONUNBUFFERED": "1",
            }
        )
        env.update(extra)
        return env


CONTEXT: Context | None = None


def context() -> Context:
    if CONTEXT is None:
        raise RuntimeError("bench.harness.CONTEXT is set by python -m bench")
    return CONTEXT


def new_context(*, quick: bool, duration: float) -> Context:
    workdir = Path(tempfile.mkdtemp(prefix="boardpack-bench-"))
    (workdir / "data").mkdir()
    return Context(workdir, quick, duration, secrets.token_urlsafe(50))


# ---------------------------------------------------------------------------------------------
# Databases


def is_postgres(url: str) -> bool:
    return bool(url) and urlsplit(url).scheme.split("+")[0] in POSTGRES_SCHEMES


def _admin_connect(base_url: str):  # type: ignore[no-untyped-def]
    import dj_database_url
    import psycopg

    settings = dj_database_url.parse(base_url)
    return psycopg.connect(
        dbname="postgres",
        host=settings.get("HOST") or None,
        port=settings.get("PORT") or None,
        user=settings.get("USER") or None,
        password=settings.get("PASSWORD") or None,
        autocommit=True,
        connect_timeout=3,
    )


def postgres_server(database_url: str) -> tuple[str | None, str]:
    """The PostgreSQL server to make bench databases on (URL, or None) and what was tried."""
    base = database_url if is_postgres(database_url) else LOCAL_POSTGRES
    try:
        with _admin_connect(base) as conn:
            version = conn.execute("SHOW server_version").fetchone()[0]
    except Exception as error:  # noqa: BLE001 - any failure means: no PostgreSQL here
        return None, f"PostgreSQL not measured: {urlsplit(base).netloc} unavailable ({error})"
    return base, f"PostgreSQL {version}"


class Databases:
    """Makes the bench databases and removes every one of them on ``close()``."""

    def __init__(self, ctx: Context, postgres_base: str | None) -> None:
        self.ctx = ctx
        self.postgres_base = postgres_base
        self.prefix = f"boardpack_bench_{os.getpid()}"
        self.made: list[str] = []

    def new(self, vendor: str, name: str, template: Database | None = None) -> str:
        if vendor == "sqlite":
            path = self.ctx.workdir / f"{name}.sqlite3"
            if template is not None:
                shutil.copyfile(urlsplit(template.url).path, path)
            return f"sqlite:///{path}"
        from psycopg import sql

        assert self.postgres_base is not None
        db_name = f"{self.prefix}_{name}"
        with _admin_connect(self.postgres_base) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(db_name))
            )
            statement = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(db_name))
            if template is not None:
                template_name = urlsplit(template.url).path.lstrip("/")
                statement += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template_name))
            conn.execute(statement)
        self.made.append(db_name)
        parts = urlsplit(self.postgres_base)
        return urlunsplit(parts._replace(path=f"/{db_name}"))

    def close(self) -> None:
        if not self.made or self.postgres_base is None:
            return
        from psycopg import sql

        with _admin_connect(self.postgres_base) as conn:
            for db_name in self.made:
                conn.execute(
                    sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                        sql.Identifier(db_name)
                    )
                )
        self.made.clear()


def start_prepare(ctx: Context, url: str, *args: str) -> subprocess.Popen[str]:
    """``python -m bench.prepare ARGS`` on ``url``, running (several may run side by side)."""
    env = ctx.environment(url, BOARDPACK_TESTING="1")
    return subprocess.Popen(
        [sys.executable, "-m", "bench.prepare", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[1],
    )


def finish_prepare(process: subprocess.Popen[str], what: str) -> dict:
    import json

    try:
        out, err = process.communicate(timeout=PREPARE_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        raise RuntimeError(f"preparing {what} took over {PREPARE_TIMEOUT:.0f} s") from None
    if process.returncode != 0:
        raise RuntimeError(f"preparing {what} failed ({process.returncode}):\n{err[-2000:]}")
    lines = [line for line in out.splitlines() if line.strip()]
    return json.loads(lines[-1])


# ---------------------------------------------------------------------------------------------
# Servers


@dataclass
class Server:
    kind: str  # "gunicorn" or "dev"
    url: str
    process: subprocess.Popen[bytes]
    log_path: Path

    def log_tail(self, lines: int = 5) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return ""
        return " | ".join(text.strip().splitlines()[-lines:])


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str, cookie: str = "", timeout: float = 60.0) -> tuple[int, int]:
    """One GET, redirects not followed: (status, body length)."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=timeout)
    try:
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        conn.request("GET", path, headers={"Cookie": cookie} if cookie else {})
        response = conn.getresponse()
        return response.status, len(response.read())
    finally:
        conn.close()


def _stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM to the server's process group (gunicorn and its workers), SIGKILL if need be.

    The group is the server's own (``start_new_session``): nothing else is ever signalled.
    """
    for sig, wait in ((signal.SIGTERM, 15), (signal.SIGKILL, 10)):
        if process.poll() is not None:
            break
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            break
        try:
            process.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            continue


def start_server(ctx: Context, kind: str, database: Database) -> Server:
    """``boardpack serve`` (gunicorn, 2 workers) or ``boardpack serve --dev`` on ``database``,
    answering; :func:`stop_server` stops it.

    gunicorn runs as in production (DEBUG off); the development server as ``make run`` runs it
    (``BOARDPACK_DEBUG=1 BOARDPACK_DEMO=1``).
    """
    port = free_port()
    if kind == "gunicorn":
        env = ctx.environment(database.url, BOARDPACK_WORKERS="2")
        extra = ["--workers", "2"]
    elif kind == "dev":
        env = ctx.environment(database.url, BOARDPACK_DEBUG="1", BOARDPACK_DEMO="1")
        extra = ["--dev"]
    else:
        raise ValueError(f"no server kind {kind!r}")
    log_path = ctx.workdir / f"server-{kind}-{port}.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "boardpack.manage", "serve", f"127.0.0.1:{port}", *extra],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    server = Server(kind, f"http://127.0.0.1:{port}", process, log_path)
    try:
        _wait_until_serving(server)
    except BaseException:
        stop_server(server)
        raise
    return server


def stop_server(server: Server) -> None:
    _stop(server.process)


@contextmanager
def serving(ctx: Context, kind: str, database: Database) -> Iterator[Server]:
    server = start_server(ctx, kind, database)
    try:
        yield server
    finally:
        stop_server(server)


def _wait_until_serving(server: Server) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while True:
        if server.process.poll() is not None:
            raise RuntimeError(
                f"{server.kind} exited ({server.process.returncode}): {server.log_tail()}"
            )
        try:
            if get(f"{server.url}/sign-in/", timeout=5)[0] == 200:
                return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(
                f"{server.kind} did not answer in {STARTUP_TIMEOUT:.0f} s: {server.log_tail()}"
            )
        time.sleep(0.2)
