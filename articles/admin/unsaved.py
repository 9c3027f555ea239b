"""The story as the editor's unsaved form would make it, for the live preview and checklist.

The posted form is written into the database inside a transaction that is always rolled
back, so the preview is the real public rendering of real rows (the same templates, the same
citation numbers, the same rule functions) while nothing is kept: no row, no revision, no
cache purge (those wait for a commit that never comes). What cannot be written yet (a row with
an error, a story without a headline) is left out of the picture rather than refused: the
save itself still says exactly what is wrong.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from copy import copy
from typing import Any

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.http import HttpRequest, QueryDict

from ..models import Article

# Where existing rows wait while the posted order is written (clear of every real position).
_PARKED = 30000


class NothingToShow(Exception):
    """The story itself cannot be written yet (e.g. no headline): nothing to preview."""


@contextmanager
def unsaved_story(
    model_admin: Any, request: HttpRequest, article: Article | None, data: QueryDict
) -> Iterator[Article]:
    """The story with the posted changes, fetched with its parts; rolled back on exit."""
    posted = copy(request)
    posted.method, posted.POST = "POST", data
    with transaction.atomic():
        try:
            yield _write(model_admin, posted, article, data)
        finally:
            transaction.set_rollback(True)


def _write(model_admin: Any, request: HttpRequest, article: Article | None, data: QueryDict):
    change = article is not None
    form_class = model_admin.get_form(request, article, change=change)
    form = form_class(data, instance=article or Article())
    form.is_valid()  # fills the instance with every field that is valid
    story = form.instance
    if not change:
        story.created_by = request.user
    if not story.headline.strip():
        raise NothingToShow
    if not _saved(story.save):
        raise NothingToShow
    if "tags" in form.fields and "tags" in form.cleaned_data:
        story.tags.set(form.cleaned_data["tags"])
    formsets, _inlines = model_admin._create_formsets(request, story, change=change)
    for formset in formsets:
        _write_rows(formset)
    return Article.objects.with_story_parts().get(pk=story.pk)


def _write_rows(formset: Any) -> None:
    """Each row that is valid, in its posted position; rows removed on the page are gone."""
    model = formset.model
    if not hasattr(model, "position") or model._meta.auto_created:
        return
    existing = model.objects.filter(**{formset.fk.name: formset.instance})
    for offset, pk in enumerate(existing.values_list("pk", flat=True)):
        model.objects.filter(pk=pk).update(position=_PARKED + offset)
    for form in formset.forms:
        valid = form.is_valid()  # also what the row's DELETE box says
        if formset._should_delete_form(form):
            if form.instance.pk:
                _saved(form.instance.delete)
        elif valid and (form.instance.pk or form.has_changed()):
            _saved(form.save)


def _saved(write: Any) -> bool:
    """Run one write in its own savepoint; a write the database refuses is left out."""
    try:
        with transaction.atomic():
            write()
    except (DatabaseError, ValidationError, ValueError):
        return False
    return True
