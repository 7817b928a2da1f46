"""Settings, read from the environment.

``DATABASE_URL`` chooses the database (any dj-database-url form); without it Boardpack uses the
embedded SQLite database at ``var/boardpack.sqlite3``. ``BOARDPACK_DEBUG`` and ``BOARDPACK_DEMO``
are parsed as booleans, never taken as raw strings (the string "False" is true).
"""

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = Path(os.environ.get("BOARDPACK_DATA_DIR", PROJECT_ROOT / "var"))
FRONTEND_DIR = Path(
    os.environ.get("BOARDPACK_FRONTEND_DIR", PROJECT_ROOT / "node_modules" / "govuk-frontend")
)


def env_flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    normalised = value.strip().lower()
    if normalised in {"1", "true", "yes", "on"}:
        return True
    if normalised in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        number = int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None
    if number < 0:
        raise ImproperlyConfigured(f"{name} must not be negative, not {value!r}")
    return number


DEBUG = env_flag("BOARDPACK_DEBUG")
# Demo sign-ins work only when this is on (or in DEBUG): see accounts.backends.
DEMO_MODE = env_flag("BOARDPACK_DEMO")


def _secret_key() -> str:
    key = os.environ.get("BOARDPACK_SECRET_KEY", "")
    if key:
        return key
    if not (DEBUG or DEMO_MODE or env_flag("BOARDPACK_TESTING")):
        raise ImproperlyConfigured(
            "Set BOARDPACK_SECRET_KEY (or BOARDPACK_DEBUG=1 for a local instance)."
        )
    # A local instance keeps a random key of its own outside the repository.
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("BOARDPACK_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
    if h.strip()
]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("BOARDPACK_CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "simple_history",
    "axes",
    "csp",
    "boardpack.core",
    "boardpack.accounts",
    "boardpack.programme",
    "boardpack.finance",
    "boardpack.imports",
    "boardpack.quality",
    "boardpack.api",
    "boardpack.demo",
    "boardpack.benchmarking",
    "boardpack.performance",
    "boardpack.workflow",
    "boardpack.governance",
    "boardpack.reports",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "boardpack.core.middleware.SessionIdleRefreshMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "boardpack.core.middleware.NoStoreWhenSignedInMiddleware",
    # Last, as django-axes requires: turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "boardpack.urls"
WSGI_APPLICATION = "boardpack.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "boardpack.core.context_processors.site",
            ],
        },
    },
]

# A connection is kept between requests for BOARDPACK_DB_CONN_MAX_AGE seconds (checked before
# it is reused), or closed after each (0). gunicorn's workers keep theirs (gunicorn_conf sets 60):
# opening one costs more than serving a stored page. The development server starts a thread per
# request, whose kept connections would pile up, so 0 is the default everywhere else.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'boardpack.sqlite3'}",
        conn_max_age=env_int("BOARDPACK_DB_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    name = DATABASES["default"].get("NAME")
    if name and name != ":memory:":
        Path(name).parent.mkdir(parents=True, exist_ok=True)

# Charts are drawn once and stored, keyed by their data (docs/decisions/0010): files under
# BOARDPACK_CHART_DIR (var/charts), shared by every worker and kept across restarts. The tests
# keep them in memory, one store per test process, unless BOARDPACK_CHART_DIR is set.
CHART_DIR = os.environ.get("BOARDPACK_CHART_DIR", "").strip()
PAGE_CACHE_DIR = os.environ.get("BOARDPACK_PAGE_CACHE_DIR", "").strip()
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "charts": (
        {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "charts"}
        if env_flag("BOARDPACK_TESTING") and not CHART_DIR
        else {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": CHART_DIR or str(DATA_DIR / "charts"),
            "TIMEOUT": None,
            # A chart's pictures take 20–200 kB; past this many files a third are dropped (the
            # oldest data's charts are redrawn if anyone asks for them again).
            "OPTIONS": {"MAX_ENTRIES": env_int("BOARDPACK_CHART_MAX_ENTRIES", 5000)},
        }
    ),
    # Pages computed once per change of data (core.page_cache, docs/decisions/0014). Each
    # worker keeps its own in memory; BOARDPACK_PAGE_CACHE_DIR shares one on disk instead. A
    # page takes 20–300 kB; past MAX_ENTRIES a third are dropped (keys of older data versions
    # are never asked for again, so they go first as they age).
    "pages": (
        {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": PAGE_CACHE_DIR,
            "TIMEOUT": env_int("BOARDPACK_PAGE_CACHE_SECONDS", 3600),
            "OPTIONS": {"MAX_ENTRIES": env_int("BOARDPACK_PAGE_CACHE_MAX_ENTRIES", 2000)},
        }
        if PAGE_CACHE_DIR
        else {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pages",
            "TIMEOUT": env_int("BOARDPACK_PAGE_CACHE_SECONDS", 3600),
            "OPTIONS": {"MAX_ENTRIES": env_int("BOARDPACK_PAGE_CACHE_MAX_ENTRIES", 300)},
        }
    ),
}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # First, so that a locked-out username or client is refused before any password check.
    "axes.backends.AxesStandaloneBackend",
    "boardpack.accounts.backends.DemoAwareModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "accounts:sign-in"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "accounts:sign-in"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# ``boardpack collectstatic`` gathers Boardpack's and GOV.UK Frontend's files here.
STATIC_ROOT = Path(os.environ.get("BOARDPACK_STATIC_ROOT", DATA_DIR / "static"))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise warns when it is missing
STATICFILES_DIRS = [("govuk", FRONTEND_DIR / "dist" / "govuk")]
# GOV.UK Frontend's CSS refers to fonts and images at absolute /assets/... URLs: served from
# the collected copy when there is one, else straight from the npm package.
WHITENOISE_ROOT = (
    STATIC_ROOT / "govuk"
    if (STATIC_ROOT / "govuk" / "assets").is_dir()
    else FRONTEND_DIR / "dist" / "govuk"
)
WHITENOISE_USE_FINDERS = True
# Autorefresh finds files when asked for them; otherwise WhiteNoise indexes every static file
# when the application starts, which the tests would pay for with every test client.
WHITENOISE_AUTOREFRESH = DEBUG or env_flag("BOARDPACK_TESTING")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_flag("BOARDPACK_SECURE_COOKIES")
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
# A session ends after this long without a request. A request starts the clock again, writing
# the session at most every SESSION_REFRESH_SECONDS (core.middleware.SessionIdleRefreshMiddleware).
SESSION_COOKIE_AGE = env_int("BOARDPACK_SESSION_IDLE_MINUTES", 8 * 60) * 60
SESSION_REFRESH_SECONDS = min(300, SESSION_COOKIE_AGE // 10)

# HTTPS behind a reverse proxy, all from the environment (docs/deploy.md).
if env_flag("BOARDPACK_BEHIND_HTTPS_PROXY"):
    # Only behind a proxy that sets X-Forwarded-Proto itself and strips the client's own.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_flag("BOARDPACK_SSL_REDIRECT")
SECURE_HSTS_SECONDS = env_int("BOARDPACK_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("BOARDPACK_HSTS_INCLUDE_SUBDOMAINS")
SECURE_HSTS_PRELOAD = env_flag("BOARDPACK_HSTS_PRELOAD")
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Content Security Policy (django-csp 4): everything from Boardpack's own origin, no inline
# script or style, no plugins, no framing.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Sign-in throttling (django-axes): after BOARDPACK_SIGNIN_FAILURE_LIMIT failures for a username
# or from a client, sign-in is refused until BOARDPACK_SIGNIN_LOCKOUT_MINUTES have passed (or an
# administrator lifts it: the admin's "Access attempts", or ``boardpack axes_reset``).
AXES_FAILURE_LIMIT = env_int("BOARDPACK_SIGNIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("BOARDPACK_SIGNIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "boardpack.accounts.throttling.client_ip"
# How many reverse proxies in front of Boardpack append to X-Forwarded-For (0: none, use the
# connection's address). The client is the address the outermost trusted proxy saw.
BOARDPACK_TRUSTED_PROXY_COUNT = env_int("BOARDPACK_TRUSTED_PROXY_COUNT", 0)

# Uploaded spreadsheets: refused past this size, with a message.
BOARDPACK_MAX_UPLOAD_BYTES = int(os.environ.get("BOARDPACK_MAX_UPLOAD_BYTES", 5 * 1024 * 1024))
DATA_UPLOAD_MAX_MEMORY_SIZE = BOARDPACK_MAX_UPLOAD_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = BOARDPACK_MAX_UPLOAD_BYTES + 1024 * 1024
# An uploaded file with more rows than this is checked and applied by a background task (the
# worker `make run` starts), its page showing progress, instead of inside the request.
BOARDPACK_IMPORT_BACKGROUND_ROWS = int(os.environ.get("BOARDPACK_IMPORT_BACKGROUND_ROWS", "2000"))
# Counts from 1 to this are suppressed (shown as c) for councillors and the public.
BOARDPACK_SUPPRESSION_THRESHOLD = int(os.environ.get("BOARDPACK_SUPPRESSION_THRESHOLD", "5"))


LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Optional single sign-on through OpenID Connect (e.g. Microsoft Entra ID), configured by the
# environment alone: set BOARDPACK_OIDC_CLIENT_ID and the rest (docs/deploy.md). It signs in
# existing accounts only, matched by email address.
BOARDPACK_OIDC_ENABLED = bool(os.environ.get("BOARDPACK_OIDC_CLIENT_ID", "").strip())
if BOARDPACK_OIDC_ENABLED:

    def _oidc_setting(name: str) -> str:
        value = os.environ.get(f"BOARDPACK_OIDC_{name}", "").strip()
        if not value:
            raise ImproperlyConfigured(
                f"Single sign-on is on (BOARDPACK_OIDC_CLIENT_ID is set): set "
                f"BOARDPACK_OIDC_{name} too (docs/deploy.md)."
            )
        return value

    OIDC_RP_CLIENT_ID = _oidc_setting("CLIENT_ID")
    OIDC_RP_CLIENT_SECRET = _oidc_setting("CLIENT_SECRET")
    OIDC_OP_AUTHORIZATION_ENDPOINT = _oidc_setting("AUTHORIZATION_ENDPOINT")
    OIDC_OP_TOKEN_ENDPOINT = _oidc_setting("TOKEN_ENDPOINT")
    OIDC_OP_USER_ENDPOINT = _oidc_setting("USERINFO_ENDPOINT")
    OIDC_OP_JWKS_ENDPOINT = _oidc_setting("JWKS_ENDPOINT")
    BOARDPACK_OIDC_ISSUER = os.environ.get("BOARDPACK_OIDC_ISSUER", "").strip()
    BOARDPACK_OIDC_PROVIDER_NAME = os.environ.get("BOARDPACK_OIDC_PROVIDER_NAME", "").strip()
    AUTHENTICATION_BACKENDS.append("boardpack.accounts.oidc.BoardpackOIDCBackend")
OIDC_RP_SIGN_ALGO = "RS256"
OIDC_RP_SCOPES = "openid email profile"
OIDC_CREATE_USER = False
OIDC_USE_PKCE = True
OIDC_TIMEOUT = 10
OIDC_AUTHENTICATION_CALLBACK_URL = "accounts:oidc-callback"
LOGIN_REDIRECT_URL_FAILURE = "/sign-in/?sso=failed"

# Background work (report files): django-tasks with its database backend; `boardpack db_worker`
# runs the queue. BOARDPACK_TASKS=immediate runs each task at once, in the request (tests).
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if os.environ.get("BOARDPACK_TASKS", "") == "immediate"
            or (env_flag("BOARDPACK_TESTING") and os.environ.get("BOARDPACK_TASKS", "") != "db")
            else "django_tasks_db.DatabaseBackend"
        ),
        "QUEUES": ["default"],
    }
}

# Signed-in users' read-only pages are kept in the ``pages`` cache (above), keyed by the data
# version that database triggers move on with every write: off, every page is built each time.
BOARDPACK_PAGE_CACHE = env_flag("BOARDPACK_PAGE_CACHE", default=True)
