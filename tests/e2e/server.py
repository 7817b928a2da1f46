"""The Boardpack server the browser tests talk to: a real process with a database of its own.

The server runs ``boardpack serve`` (gunicorn, as in production) in demo mode on a
free port of 127.0.0.1. Its database is never the test run's own (pytest-django's test database
is rolled back after each test, and ``transactional_db`` would flush the demo data the rest of the
suite relies on):

* SQLite (the default): a file in a temporary directory;
* PostgreSQL (when the test run's ``DATABASE_URL`` names one): a separate database named after
  it with ``_e2e`` appended, dropped and created here with psycopg, and dropped again at the end.

It is migrated and given the demo authorities (``load_demo``) before the server starts.
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

POSTGRES_SCHEMES = ("postgres", "postgresql", "pgsql", "postgis")
STARTUP_TIMEOUT = 60.0

# A second, earlier period for Somerset, with no updates: the period switcher has somewhere to go.
EXTRA_PERIOD_SCRIPT = """
from boardpack.core.models import Organisation, ReportingPeriod
from boardpack.periods import Month
somerset = Organisation.objects.get(slug="somerset")
ReportingPeriod.objects.get_or_create(
    organisation=somerset, month=Month.parse("{key}").first_day
)
"""
EXTRA_PERIOD = "2024-03"


@dataclass
class Server:
    url: str
    database_url: str
    log_path: Path
    process: subprocess.Popen = field(repr=False)

    def log_tail(self, lines: int = 40) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return "(no server log)"
        return "\n".join(text.splitlines()[-lines:])


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_database(workdir: Path, suffix: str = "") -> tuple[str, Callable[[], None]]:
    """A database URL for the server, and a function that removes that database.

    A module with a server of its own gives a ``suffix`` (``"_cycle"``): on PostgreSQL its
    database is then named apart from the shared server's; on SQLite it lives in ``workdir``.
    """
    url = os.environ.get("DATABASE_URL", "").strip()
    scheme = urlsplit(url).scheme.split("+")[0] if url else ""
    if scheme in POSTGRES_SCHEMES:
        parts = urlsplit(url)
        return _postgres_database(urlunsplit(parts._replace(path=parts.path.rstrip("/") + suffix)))
    if url and scheme != "sqlite":
        raise RuntimeError(f"The browser tests support SQLite and PostgreSQL, not {scheme!r}")
    path = workdir / "e2e.sqlite3"
    return f"sqlite:///{path}", lambda: path.unlink(missing_ok=True)


def _postgres_database(url: str) -> tuple[str, Callable[[], None]]:
    import dj_database_url
    import psycopg
    from psycopg import sql

    settings = dj_database_url.parse(url)
    name = f"{settings['NAME'] or 'boardpack'}_e2e"
    connect = {
        "dbname": "postgres",
        "host": settings.get("HOST") or None,
        "port": settings.get("PORT") or None,
        "user": settings.get("USER") or None,
        "password": settings.get("PASSWORD") or None,
        "autocommit": True,
    }

    def drop() -> None:
        with psycopg.connect(**connect) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )

    drop()
    with psycopg.connect(**connect) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}")), drop


def _manage(*args: str) -> list[str]:
    return [sys.executable, "-m", "boardpack.manage", *args]


def server_environment(database_url: str, workdir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "DATABASE_URL": database_url,
            "BOARDPACK_DEMO": "1",
            "BOARDPACK_TESTING": "1",
            # Real 403/404 pages, not Django's debug pages.
            "BOARDPACK_DEBUG": "0",
            "BOARDPACK_DATA_DIR": str(workdir),
            "BOARDPACK_SECRET_KEY": secrets.token_urlsafe(50),
            "PYTHONUNBUFFERED": "1",
            # ``boardpack serve`` is gunicorn: two workers are plenty for one browser.
            "BOARDPACK_WORKERS": "2",
        }
    )
    return env


def _run(what: str, args: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(args, env=env, capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        raise RuntimeError(
            f"Preparing the browser tests' server: {what} failed ({result.returncode}):\n"
            f"{result.stdout}\n{result.stderr}"
        )


PREPARE_SCRIPT = """
import os
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "boardpack.settings")
django.setup()
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
call_command("load_demo")
"""


def prepare_database(env: dict[str, str]) -> None:
    """``boardpack migrate`` and ``boardpack load_demo`` (in one process: it saves a second)."""
    script = PREPARE_SCRIPT + EXTRA_PERIOD_SCRIPT.format(key=EXTRA_PERIOD)
    _run("migrate + load_demo", [sys.executable, "-c", script], env)


def start_server(database_url: str, workdir: Path) -> Server:
    env = server_environment(database_url, workdir)
    prepare_database(env)
    port = free_port()
    log_path = workdir / "server.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            _manage("serve", f"127.0.0.1:{port}"),
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    server = Server(f"http://127.0.0.1:{port}", database_url, log_path, process)
    try:
        _wait_until_serving(server)
    except BaseException:
        stop_server(server)
        raise
    return server


def _wait_until_serving(server: Server) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while True:
        if server.process.poll() is not None:
            raise RuntimeError(
                f"The Boardpack server exited ({server.process.returncode}):\n{server.log_tail()}"
            )
        try:
            with urllib.request.urlopen(f"{server.url}/sign-in/", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(
                f"The Boardpack server did not answer within {STARTUP_TIMEOUT:.0f} s:\n"
                f"{server.log_tail()}"
            )
        time.sleep(0.1)


def stop_server(server: Server) -> None:
    process = server.process
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@contextmanager
def serving(
    prefix: str, suffix: str = "", environ: dict[str, str] | None = None
) -> Iterator[Server]:
    """A server of its own: a fresh folder and database (named by ``suffix`` on PostgreSQL),
    started with ``environ`` added to the environment, and everything stopped, dropped, removed
    and put back afterwards, whatever happened."""
    workdir = Path(tempfile.mkdtemp(prefix=prefix))
    database_url, drop_database = server_database(workdir, suffix=suffix)
    saved = {key: os.environ.get(key) for key in environ or {}}
    os.environ.update(environ or {})
    try:
        running = start_server(database_url, workdir)
        try:
            yield running
        finally:
            stop_server(running)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        drop_database()
        shutil.rmtree(workdir, ignore_errors=True)
