"""Production: the documented settings pass ``check --deploy``; ``collectstatic`` gathers GOV.UK
Frontend; ``serve`` runs gunicorn, serving pages and static files, and refuses to start
without GOV.UK Frontend's files.

Each runs ``boardpack`` in a process of its own, with the environment docs/deploy.md documents.
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from boardpack.core.management.commands.serve import default_workers, gunicorn_arguments


def production_environment(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("BOARDPACK_") and k != "DATABASE_URL"
    }
    env.update(
        {
            "DATABASE_URL": f"sqlite:///{tmp_path / 'production.sqlite3'}",
            "BOARDPACK_DATA_DIR": str(tmp_path / "data"),
            "BOARDPACK_SECRET_KEY": secrets.token_urlsafe(50),
            "BOARDPACK_ALLOWED_HOSTS": "boardpack.example.gov.uk",
            "BOARDPACK_CSRF_TRUSTED_ORIGINS": "https://boardpack.example.gov.uk",
            "BOARDPACK_BEHIND_HTTPS_PROXY": "1",
            "BOARDPACK_SSL_REDIRECT": "1",
            "BOARDPACK_HSTS_SECONDS": "31536000",
            "BOARDPACK_HSTS_INCLUDE_SUBDOMAINS": "1",
            "BOARDPACK_HSTS_PRELOAD": "1",
            "BOARDPACK_SECURE_COOKIES": "1",
        }
    )
    env.update(extra)
    return env


def boardpack(env: dict[str, str], *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "boardpack.manage", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_check_deploy_reports_nothing_with_the_documented_settings(tmp_path):
    result = boardpack(
        production_environment(tmp_path), "check", "--deploy", "--fail-level", "DEBUG"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_check_deploy_names_what_is_missing_without_them(tmp_path):
    env = production_environment(tmp_path)
    for name in (
        "BOARDPACK_SSL_REDIRECT",
        "BOARDPACK_HSTS_SECONDS",
        "BOARDPACK_SECURE_COOKIES",
        "BOARDPACK_CSRF_TRUSTED_ORIGINS",
    ):
        del env[name]
    env["BOARDPACK_DEMO"] = "1"
    result = boardpack(env, "check", "--deploy")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    for check in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert check in output
    assert "boardpack.E001" in output  # demo sign-ins in production
    assert "boardpack.E002" in output  # behind a proxy without trusted origins


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = production_environment(tmp_path)
    del env["BOARDPACK_SECRET_KEY"]
    result = boardpack(env, "check")
    assert result.returncode != 0
    assert "Set BOARDPACK_SECRET_KEY" in result.stderr


def test_serve_refuses_to_start_without_govuk_frontend(tmp_path):
    env = production_environment(tmp_path, BOARDPACK_FRONTEND_DIR=str(tmp_path / "nowhere"))
    result = boardpack(env, "serve", "127.0.0.1:1", timeout=60)
    assert result.returncode != 0
    assert "GOV.UK Frontend's built files are missing" in result.stderr
    assert "npm ci" in result.stderr
    assert "boardpack collectstatic" in result.stderr


def test_workers_come_from_the_cpu_count(monkeypatch):
    monkeypatch.delenv("BOARDPACK_WORKERS", raising=False)
    assert default_workers() == 2 * (os.cpu_count() or 1) + 1
    monkeypatch.setenv("BOARDPACK_WORKERS", "3")
    assert default_workers() == 3
    arguments = gunicorn_arguments("127.0.0.1:9000", 3)
    assert arguments[1:4] == ["-m", "gunicorn", "boardpack.wsgi:application"]
    assert arguments[arguments.index("--workers") + 1] == "3"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_collectstatic_then_gunicorn_serves_pages_and_govuk_frontend(tmp_path):
    """Collected static files only (no npm package): gunicorn serves pages, CSS and fonts."""
    static_root = tmp_path / "static"
    env = production_environment(
        tmp_path,
        BOARDPACK_STATIC_ROOT=str(static_root),
        BOARDPACK_ALLOWED_HOSTS="127.0.0.1",
        BOARDPACK_WORKERS="1",
    )
    collected = boardpack(env, "collectstatic", "--noinput", "-v0")
    assert collected.returncode == 0, collected.stderr
    assert (static_root / "govuk" / "govuk-frontend.min.css").is_file()
    assert (static_root / "govuk" / "govuk-frontend.min.js").is_file()
    assert any((static_root / "govuk" / "assets" / "fonts").iterdir())
    assert (static_root / "boardpack" / "init.mjs").is_file()
    assert (static_root / "admin" / "css" / "base.css").is_file()

    assert boardpack(env, "migrate", "--noinput", "-v0").returncode == 0
    # From here the npm package is out of reach: only the collected copy can be served.
    env["BOARDPACK_FRONTEND_DIR"] = str(tmp_path / "no-npm-package")
    port = _free_port()
    log = (tmp_path / "server.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "boardpack.manage", "serve", f"127.0.0.1:{port}"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        # A loaded machine (CI runs beside other work) can take many seconds to start a worker.
        deadline = time.monotonic() + 180
        while True:
            try:
                status, headers, body = _get(f"{base}/sign-in/")
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError):  # still warming up
                assert process.poll() is None, (tmp_path / "server.log").read_text()
                assert time.monotonic() < deadline, (tmp_path / "server.log").read_text()
                time.sleep(0.2)
        assert status == 200
        assert "Sign in to Boardpack" in body.decode()
        # The worker warmed up (views, chart libraries) before it answered.
        assert "Boardpack worker warmed up" in (tmp_path / "server.log").read_text()
        assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
        assert "script-src 'self'" in headers["Content-Security-Policy"]
        assert "gunicorn" in headers.get("Server", "")

        css = body.decode().split('href="/static/govuk/govuk-frontend.min.css')[0]
        assert css  # the page links the stylesheet
        status, headers, _ = _get(f"{base}/static/govuk/govuk-frontend.min.css")
        assert status == 200 and headers["Content-Type"].startswith("text/css")
        font = next((static_root / "govuk" / "assets" / "fonts").iterdir()).name
        status, _, _ = _get(f"{base}/assets/fonts/{font}")
        assert status == 200
        status, _, _ = _get(f"{base}/static/boardpack/supported.js")
        assert status == 200
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


@pytest.mark.parametrize("value", ["abc", "-1"])
def test_bad_numbers_in_the_environment_are_refused(tmp_path, value):
    env = production_environment(tmp_path, BOARDPACK_HSTS_SECONDS=value)
    result = boardpack(env, "check")
    assert result.returncode != 0
    assert "BOARDPACK_HSTS_SECONDS must" in result.stderr
