"""Settings for the newsroom project, read from the environment.

Development defaults are safe: DEBUG is off unless asked for, and a missing SECRET_KEY is an
error unless DEBUG is on or the test suite is running. See the README for every variable.
"""

import ipaddress
import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.urls.converters import SlugConverter
from django.utils.translation import gettext_lazy as _

from edge.jsonlog import stdout_logging
from newsroom import icons

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def is_ip_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def webauthn_rp_id(site_url: str) -> str | None:
    """The host of the site's address, or None (the request's host) when it is an IP address,
    which browsers refuse as a relying-party id."""
    host = urlsplit(site_url).hostname
    return host if host and not is_ip_address(host) else None


def media_origin(url: str) -> str:
    """' https://media.example' when media is served from another origin, else ''."""
    parts = urlsplit(url)
    return f" {parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


# pytest sets PYTEST_VERSION for the whole run; tests may use the development key.
TESTING = "PYTEST_VERSION" in os.environ
DEBUG = env_bool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not (DEBUG or TESTING):
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set SECRET_KEY in the environment, "
            "or DEBUG=1 for local development."
        )
    SECRET_KEY = "django-insecure-development-key-not-for-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if (DEBUG or TESTING) else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# Only when a proxy in front sets X-Forwarded-Host itself; otherwise a client could pick the host.
USE_X_FORWARDED_HOST = env_bool("USE_X_FORWARDED_HOST")

INSTALLED_APPS = [
    "newsroom.apps.NewsroomAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # runserver leaves static files to WhiteNoise too, as in production: a path such as
    # /static/../newsroom/settings.py is a 404, not the development handler's 500.
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "reversion",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "two_factor",
    "two_factor.plugins.webauthn",
    "rest_framework",
    "drf_spectacular",
    "newsroom.apps.NewsroomConfig",
    "edge",
    "staff",
    "accounts",
    "audit",
    "images",
    "trust",
    "authors",
    "articles",
    "sources",
    "comments",
    "api",
    "bench",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "newsroom.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "edge.pagecache.PageCacheMiddleware",
    "api.middleware.CrossOriginReadMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Leaves the request where the audit trail finds who is acting and from where.
    "audit.context.AuditContextMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Staff sign-in (accounts): which device this session used, the idle limit, the second factor.
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.StaffIdleTimeoutMiddleware",
    "accounts.middleware.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"


def person_page(person: object) -> str:
    from django.urls import reverse

    return reverse("articles:person", kwargs={"slug": person.slug})  # type: ignore[attr-defined]


# A person's page lists their quotes in stories, so `articles` serves it; `sources` (the
# library of people) does not know it. Django gives Person its get_absolute_url from here.
ABSOLUTE_URL_OVERRIDES = {"sources.person": person_page}
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "articles.context_processors.site",
                "trust.context_processors.standards",
            ],
        },
    },
]

# Database: DATABASE_URL, or a SQLite file in the project folder.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Concurrent writers queue for the write lock (IMMEDIATE + busy timeout) instead of failing
    # with "database is locked" when a read transaction tries to upgrade; WAL lets readers run
    # alongside the writer. mmap_size is left alone on purpose (WAL + mmap corruption reports).
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL;"
            "PRAGMA synchronous=NORMAL;"
            "PRAGMA foreign_keys=ON;"
            "PRAGMA busy_timeout=20000;"
        ),
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Admin login throttling (django-axes, failed attempts kept in the database so every worker and
# host sees them): after LOGIN_FAILURE_LIMIT failures for one username from one address, that
# pair is locked out for LOGIN_COOLOFF_MINUTES. Per pair, so a guesser cannot lock an editor out
# from elsewhere, and one person's typos do not lock out a whole office behind one address.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Sign-ins are kept once, in the audit trail (with its retention), not also in axes' access log.
AXES_DISABLE_ACCESS_LOG = True
AXES_LOCKOUT_CALLABLE = "newsroom.security.login_lockout"
AXES_CLIENT_IP_CALLABLE = "edge.clients.client_ip"
# How many reverse proxies in front append to X-Forwarded-For (0: use the socket's address).
# Reverse proxies whose X-Forwarded-For is believed (addresses or networks); see client_ip.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")

# The audit trail (the audit app, README "Audit trail"): entries older than this many days are
# removed by `manage.py purge_audit` (run it daily from cron or a systemd timer); 0 keeps all.
AUDIT_RETENTION_DAYS = int(os.environ.get("AUDIT_RETENTION_DAYS", "400"))
if AUDIT_RETENTION_DAYS < 0:
    raise ImproperlyConfigured("AUDIT_RETENTION_DAYS must be 0 (keep every entry) or more.")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
LANGUAGES = [("en-gb", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/London")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Hashed, compressed static files served by WhiteNoise with far-future cache headers. Tests and
# development read the source folders directly (no collectstatic needed).
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = WHITENOISE_AUTOREFRESH = DEBUG or TESTING
# /favicon.ico and /apple-touch-icon.png, cached for a day (newsroom/icons.py).
WHITENOISE_ROOT = icons.FOLDER
WHITENOISE_ADD_HEADERS_FUNCTION = icons.cache_headers

# Image uploads (the README's "Images" section). A multipart request bigger than the file limit
# plus 1 MB is refused (400) before it is read; DATA_UPLOAD_MAX_MEMORY_SIZE does not count files.
IMAGES_MAX_FILE_SIZE = int(os.environ.get("IMAGES_MAX_FILE_SIZE", str(10 * 1024 * 1024)))
IMAGES_MAX_PIXELS = int(os.environ.get("IMAGES_MAX_PIXELS", "40000000"))
IMAGES_MAX_FRAMES = int(os.environ.get("IMAGES_MAX_FRAMES", "100"))
# With a front web server: hand image files to it (nginx X-Accel-Redirect) under this internal
# prefix once Django has decided who may see them, e.g. "/protected-media/".
IMAGES_X_ACCEL_REDIRECT = os.environ.get("IMAGES_X_ACCEL_REDIRECT", "")
FILE_UPLOAD_HANDLERS = [
    "images.uploads.UploadSizeLimit",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
FILE_UPLOAD_PERMISSIONS = 0o644

# Cache: Redis (shared by every worker and host) when CACHE_URL or REDIS_URL is set.
CACHE_URL = os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL", "")
if CACHE_URL:
    if not CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured("CACHE_URL must be a redis://, rediss:// or unix:// URL.")
    CACHES = {
        "default": {
            # Fails open: with Redis down or slow the site serves uncached (edge/failopen.py).
            "BACKEND": "edge.failopen.FailOpenRedisCache",
            "LOCATION": CACHE_URL,
            # Fail fast instead of holding a worker on a dead or stalled cache.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 1000},  # room for the page cache's pages
        }
    }

# The page cache for anonymous readers (edge/pagecache.py): seconds a page is kept; 0 is
# off. Every process serving pages must share it, so it is on by default with Redis, or with
# SQLite (one gunicorn process), and off in the test suite (tests that need it turn it on).
_one_cache = bool(CACHE_URL) or DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
PAGE_CACHE_SECONDS = int(
    os.environ.get("PAGE_CACHE_SECONDS", "600" if _one_cache and not TESTING else "0")
)

# The frontend cache (Varnish with xkey, deploy/varnish/; or a CDN with key purges): public
# answers say how long it may keep them (Surrogate-Control), and after each commit the keys a
# change touched are purged at every address in FRONTEND_CACHE_URLS (comma-separated).
FRONTEND_CACHE_URLS = [
    url.strip() for url in os.environ.get("FRONTEND_CACHE_URLS", "").split(",") if url.strip()
]
for _url in FRONTEND_CACHE_URLS:
    if not _url.startswith(("http://", "https://")):
        raise ImproperlyConfigured("FRONTEND_CACHE_URLS must hold http:// or https:// URLs.")
FRONTEND_CACHE_SECONDS = int(os.environ.get("FRONTEND_CACHE_SECONDS", "86400"))

# Email: SMTP once EMAIL_HOST is set; until then messages are printed to stdout.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", not env_bool("EMAIL_USE_SSL"))
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "newsroom@localhost")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# Logs: one JSON object per line on stdout (control characters escaped), for the process manager.
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO").upper()
LOGGING = stdout_logging(
    LOG_LEVEL,
    loggers={
        "django": {"level": LOG_LEVEL},  # through the root handler, once
        # Failed logins and lockouts are warnings; every sign-in is kept in the audit trail.
        "axes": {"level": "WARNING"},
    },
)

# HTTPS hardening whenever DEBUG is off. The site runs behind a TLS-terminating proxy that sets
# X-Forwarded-Proto (and overwrites any value a client sent). PLAIN_HTTP=1 is only for a local
# demo over plain HTTP on 127.0.0.1 (`make serve`): no HTTPS redirect, no Secure cookie flag.
PLAIN_HTTP = env_bool("PLAIN_HTTP")
HTTPS_ONLY = not (DEBUG or PLAIN_HTTP)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = HTTPS_ONLY and not TESTING
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000" if HTTPS_ONLY else "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS_ONLY
SESSION_COOKIE_HTTPONLY = CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"
# Content-Security-Policy (newsroom/csp.py; README "Content-Security-Policy"). Scripts and
# styles only from our own static files: never 'unsafe-inline', 'unsafe-eval', `*` or data:
# (tests/test_csp_policy.py fails if they appear). Each response's policy also names the report
# endpoint (/csp-report).
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        f"img-src 'self'{media_origin(MEDIA_URL)}",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    ]
)
# A stricter policy to try first: sent as Content-Security-Policy-Report-Only beside the
# enforced one, so browsers report what it would block and block nothing.
CSP_REPORT_ONLY = os.environ.get("CSP_REPORT_ONLY", "").strip()
# Off sends the main policy report-only (nothing blocked): only to diagnose, never the default;
# `check --deploy` warns.
CSP_ENFORCE = env_bool("CSP_ENFORCE", True)
CSP_REPORT_MAX_BYTES = int(os.environ.get("CSP_REPORT_MAX_BYTES", "16384"))
CSP_REPORT_RATE_LIMIT = int(os.environ.get("CSP_REPORT_RATE_LIMIT", "30"))  # a minute, a client

LOGIN_URL = "admin:login"

# Staff sign-in (the accounts app; README, "Two-factor sign-in" and "Staff sessions").
# NEWSROOM_2FA_REQUIRED: "editors" (Editors and superusers must use a second factor) or
# "staff" (every staff account). With DEBUG on, the demo logins may skip it.
NEWSROOM_2FA_REQUIRED = os.environ.get("NEWSROOM_2FA_REQUIRED", "editors").strip().lower()
if NEWSROOM_2FA_REQUIRED not in {"editors", "staff"}:
    raise ImproperlyConfigured('NEWSROOM_2FA_REQUIRED must be "editors" or "staff".')
# A staff session ends after this many minutes without a request.
NEWSROOM_STAFF_IDLE_MINUTES = int(os.environ.get("NEWSROOM_STAFF_IDLE_MINUTES", "60"))
if NEWSROOM_STAFF_IDLE_MINUTES < 1:
    raise ImproperlyConfigured("NEWSROOM_STAFF_IDLE_MINUTES must be at least 1.")
LOGIN_REDIRECT_URL = "admin:index"
# The admin site's own login is the two-step one (NewsroomAdminSite.login); the library need
# not monkeypatch Django's AdminSite.
TWO_FACTOR_PATCH_ADMIN = False
# The code step must follow the password within 5 minutes; no "remember this browser" cookie.
TWO_FACTOR_LOGIN_TIMEOUT = 300
TWO_FACTOR_REMEMBER_COOKIE_AGE = None
# The QR code is an image from our own URL (img-src 'self'), as SVG.
TWO_FACTOR_QR_FACTORY = "qrcode.image.svg.SvgPathImage"
# Each wrong code doubles the wait before the next try (1 s, 2 s, 4 s, …), per device.
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# The newsroom's own knobs (documented in the README).
NEWSROOM_SITE_NAME = os.environ.get("NEWSROOM_SITE_NAME", "The Port Calder Ledger")
NEWSROOM_SITE_DESCRIPTION = os.environ.get(
    "NEWSROOM_SITE_DESCRIPTION",
    "Local news for Port Calder: what we have verified, what we have not, and where it comes from.",
)
# Four eyes: an editor may not publish a story they wrote; another editor must.
NEWSROOM_REQUIRE_SECOND_EDITOR = env_bool("NEWSROOM_REQUIRE_SECOND_EDITOR", True)

# The story editor's autosaves (draft copies of forms not yet saved) are removed after this many
# days; 0 keeps each until its story is saved or the copy discarded.
NEWSROOM_AUTOSAVE_DAYS = int(os.environ.get("NEWSROOM_AUTOSAVE_DAYS", "14"))

# The site's own address, for links in emails (no request to build them from).
NEWSROOM_SITE_URL = os.environ.get("NEWSROOM_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Passkeys and security keys (WebAuthn) as a second factor. The relying party is the site: its
# name is shown by the browser, its id is a host name the passkey is bound to (never an IP
# address: browsers refuse one), by default the host of NEWSROOM_SITE_URL; when that is an IP
# address (the development default), the host name the browser used (e.g. localhost).
TWO_FACTOR_WEBAUTHN_RP_NAME = NEWSROOM_SITE_NAME
TWO_FACTOR_WEBAUTHN_RP_ID = os.environ.get(
    "TWO_FACTOR_WEBAUTHN_RP_ID", ""
).strip() or webauthn_rp_id(NEWSROOM_SITE_URL)
if TWO_FACTOR_WEBAUTHN_RP_ID and is_ip_address(TWO_FACTOR_WEBAUTHN_RP_ID):
    raise ImproperlyConfigured("TWO_FACTOR_WEBAUTHN_RP_ID must be a host name, not an IP address.")
# Each failed passkey check doubles the wait before the next, as for codes.
TWO_FACTOR_WEBAUTHN_THROTTLE_FACTOR = 1

# Reader comments (documented in the README's "Comments" section).
COMMENTS_CLOSE_AFTER_DAYS = int(os.environ.get("COMMENTS_CLOSE_AFTER_DAYS", "30"))
COMMENTS_MIN_SECONDS = int(os.environ.get("COMMENTS_MIN_SECONDS", "3"))
COMMENTS_TOKEN_MAX_AGE = int(os.environ.get("COMMENTS_TOKEN_MAX_AGE", str(24 * 60 * 60)))
COMMENTS_RATE_LIMIT = int(os.environ.get("COMMENTS_RATE_LIMIT", "5"))
COMMENTS_RATE_PERIOD = int(os.environ.get("COMMENTS_RATE_PERIOD", "600"))
COMMENTS_HONEYPOT = env_bool("COMMENTS_HONEYPOT", True)
COMMENTS_MAX_LINKS = int(os.environ.get("COMMENTS_MAX_LINKS", "2"))
COMMENTS_BLOCKLIST = env_list("COMMENTS_BLOCKLIST", "viagra,cialis,casino,payday loan")
COMMENTS_RESERVED_NAMES = env_list("COMMENTS_RESERVED_NAMES", "editor,moderator,admin,newsroom")
COMMENTS_DUPLICATE_WINDOW = int(os.environ.get("COMMENTS_DUPLICATE_WINDOW", "600"))

# Commenters' data and readers' reports (README, "Comments": data requests, retention, reports).
# `manage.py purge_comments` removes decided rejected and spam comments this many days after the
# decision, and blanks every comment's client address and browser this many days after it was
# sent; 0 switches either off. The privacy line under the comment form quotes both numbers.
COMMENTS_REJECTED_RETENTION_DAYS = int(os.environ.get("COMMENTS_REJECTED_RETENTION_DAYS", "90"))
COMMENTS_CLIENT_DATA_DAYS = int(os.environ.get("COMMENTS_CLIENT_DATA_DAYS", "30"))
# Reports from this many different clients send an approved comment back to the queue.
COMMENTS_REPORT_THRESHOLD = int(os.environ.get("COMMENTS_REPORT_THRESHOLD", "3"))
# Reports a client may send per period (seconds); 0 switches the limit off.
COMMENTS_REPORT_RATE_LIMIT = int(os.environ.get("COMMENTS_REPORT_RATE_LIMIT", "10"))
COMMENTS_REPORT_RATE_PERIOD = int(os.environ.get("COMMENTS_REPORT_RATE_PERIOD", "3600"))
# A missing or stale CSRF token on the comment form gets the form back, text kept.
CSRF_FAILURE_VIEW = "comments.views.csrf_failure"

# The content API (/api/v1/, the api app): anonymous and read-only, throttled per client address
# through the shared cache. See the README's "Content API" section.
NEWSROOM_API_THROTTLE_RATE = os.environ.get("NEWSROOM_API_THROTTLE_RATE", "300/minute") or None
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.AnonymousReadThrottle"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "api.schema.ContentApiSchema",
    "EXCEPTION_HANDLER": "api.errors.exception_handler",
    "URL_FORMAT_OVERRIDE": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Newsroom content API",
    "DESCRIPTION": (
        "Published stories as structured data: claims with their verification status and "
        "citations, quotes, sources, corrections and withdrawals. Read-only and anonymous."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    # A `<slug:…>` in a path: say what Django's converter matches (anything else is a 404).
    "PATH_CONVERTER_OVERRIDES": {
        "slug": {"type": "string", "pattern": f"^{SlugConverter.regex}$"},
    },
}
