"""Many writers at once on a file SQLite database, in a process of its own (SECURITY.md E1, E2,
E8, G5). Run by tests/test_sqlite_concurrency.py:

    python -m tests.sqlite_writers DB_PATH --mode IMMEDIATE --writers 20 [--backup PATH]

Each writer appends a key takeaway to the same story (which has SEEDED already) inside
transaction.atomic(): a read (the last position) then a write, all released together by a
barrier. Prints one JSON report.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import threading

SEEDED = 5  # takeaways on the story before the writers start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("database")
    parser.add_argument("--mode", default="IMMEDIATE", choices=["IMMEDIATE", "DEFERRED"])
    parser.add_argument("--writers", type=int, default=20)
    parser.add_argument("--backup")
    args = parser.parse_args()

    os.environ["DATABASE_URL"] = f"sqlite:///{args.database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    import django
    from django.conf import settings

    settings.DATABASES["default"]["OPTIONS"]["transaction_mode"] = args.mode
    django.setup()

    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection, connections, transaction

    from articles.models import Article, KeyTakeaway

    call_command("migrate", verbosity=0)
    author = get_user_model().objects.create_user("writer")
    story = Article.objects.create(headline="The harbour night shift", created_by=author)
    for n in range(SEEDED):
        KeyTakeaway.objects.create(article=story, text=f"Earlier note {n}")
    with connection.cursor() as cursor:
        pragmas = {
            name: cursor.execute(f"PRAGMA {name}").fetchone()[0]
            for name in ("journal_mode", "foreign_keys", "synchronous", "busy_timeout", "mmap_size")
        }
    report: dict = {"pragmas": pragmas, "transaction_mode": connection.transaction_mode}
    report["lock_taken_at_begin"] = write_lock_taken_at_begin(args.database)
    connections.close_all()

    parties = args.writers + (1 if args.backup else 0)
    barrier = threading.Barrier(parties)
    errors: list[str] = []

    def write(n: int) -> None:
        try:
            barrier.wait()
            with transaction.atomic():
                KeyTakeaway.objects.create(article_id=story.pk, text=f"Shift note {n}")
        except Exception as error:
            errors.append(f"{type(error).__name__}: {error}")
        finally:
            connections.close_all()

    def back_up() -> None:
        barrier.wait()
        report["rows_at_backup_start"] = KeyTakeaway.objects.count()
        call_command("backup", args.backup, verbosity=0)
        connections.close_all()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(args.writers)]
    if args.backup:
        threads.append(threading.Thread(target=back_up))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    positions = list(KeyTakeaway.objects.filter(article=story).values_list("position", flat=True))
    with connection.cursor() as cursor:
        report["integrity"] = cursor.execute("PRAGMA integrity_check").fetchone()[0]
    report.update(stored=len(positions), distinct_positions=len(set(positions)), errors=errors)
    print(json.dumps(report))


def write_lock_taken_at_begin(path: str) -> bool:
    """Does transaction.atomic() take SQLite's write lock as it begins (IMMEDIATE)? Another
    connection that will not wait finds the database locked if so."""
    from django.db import transaction

    other = sqlite3.connect(path, timeout=0)
    try:
        with transaction.atomic():
            try:
                other.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError:
                return True
            other.rollback()
            return False
    finally:
        other.close()


if __name__ == "__main__":
    main()
