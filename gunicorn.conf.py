"""gunicorn settings for `make serve` and production (gunicorn reads ./gunicorn.conf.py itself).

Worker count: on PostgreSQL, 2 x CPU + 1 processes. On SQLite, one process with that many
threads: SQLite before 3.51.3 can corrupt a WAL database written by several processes (see the
README), and threads in one process share its locks safely. WEB_CONCURRENCY / GUNICORN_THREADS
override either. Logs go to stdout as JSON lines, like Django's.
"""

import multiprocessing
import os

from edge.jsonlog import stdout_logging

_cpus = multiprocessing.cpu_count()
_on_sqlite = not os.environ.get("DATABASE_URL", "").startswith(("postgres", "pgsql"))

wsgi_app = "newsroom.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY") or (1 if _on_sqlite else 2 * _cpus + 1))
threads = int(os.environ.get("GUNICORN_THREADS") or (2 * _cpus + 1 if _on_sqlite else 1))
timeout = 30
graceful_timeout = 20

accesslog = "-"
access_log_format = 'method=%(m)s path="%(U)s" status=%(s)s bytes=%(B)s duration_ms=%(M)s'
logconfig_dict = stdout_logging(
    "INFO",
    loggers={
        "gunicorn.error": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        "gunicorn.access": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
    },
)
