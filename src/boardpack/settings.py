"""Settings, read from the environment.

``DATABASE_URL`` chooses the database (any dj-database-url form); without it Boardpack uses the
embedded SQLite database at ``var/boardpack.sqlite3``. ``BOARDPACK_DEBUG`` and ``BOARDPACK_DEMO``
are parsed as booleans, never taken as raw strings (the string "False" is true).
"""

import os
import secrets
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
    "boardpack.core",
    "boardpack.accounts",
    "boardpack.programme",
    "boardpack.finance",
    "boardpack.imports",
    "boardpack.quality",
    "boardpack.api",
    "boardpack.demo",
    "boardpack.reports",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
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

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'boardpack.sqlite3'}", conn_max_age=0
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    name = DATABASES["default"].get("NAME")
    if name and name != ":memory:":
        Path(name).parent.mkdir(parents=True, exist_ok=True)

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["boardpack.accounts.backends.DemoAwareModelBackend"]
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
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise warns when it is missing
STATICFILES_DIRS = [("govuk", FRONTEND_DIR / "dist" / "govuk")]
# GOV.UK Frontend's CSS refers to fonts and images at absolute /assets/... URLs.
WHITENOISE_ROOT = FRONTEND_DIR / "dist" / "govuk"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_flag("BOARDPACK_SECURE_COOKIES")
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"

# Uploaded spreadsheets: refused past this size, with a message.
BOARDPACK_MAX_UPLOAD_BYTES = int(os.environ.get("BOARDPACK_MAX_UPLOAD_BYTES", 5 * 1024 * 1024))
DATA_UPLOAD_MAX_MEMORY_SIZE = BOARDPACK_MAX_UPLOAD_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = BOARDPACK_MAX_UPLOAD_BYTES + 1024 * 1024


LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}


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
