"""The admin as the newsroom: each module registers one part of it.

story.py (the story list and form, with transitions.py, revisions.py, story_text.py and
text_mode.py mixed in; text mode's conversions in form_text.py and posted_rows.py),
inlines.py (its parts), filters.py, taxonomy.py (sections, tags), library.py (sources,
people), preview_links.py, notification_settings.py, and curation.py (what leads the front
and section pages; its form in curation_form.py). review_queue.py is the editors' queue page,
which the admin site (newsroom.admin) wires at /admin/review-queue/; planning.py the planning
view; editor_page.py, editor.py, unsaved.py, autosave.py and widgets.py the story editor.
"""

from . import curation, library, notification_settings, preview_links, story, taxonomy

__all__ = ["curation", "library", "notification_settings", "preview_links", "story", "taxonomy"]
