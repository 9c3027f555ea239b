"""The admin as the newsroom: each module registers one part of it.

story.py (the story list and form, with transitions.py, revisions.py, story_text.py and
text_mode.py mixed in; text mode's conversions in form_text.py and posted_rows.py),
inlines.py (its parts), filters.py, taxonomy.py (sections, tags), library.py (sources,
people), preview_links.py, notification_settings.py, and curation.py (what leads the front
and section pages; its form in curation_form.py).
"""

from . import curation, library, notification_settings, preview_links, story, taxonomy

__all__ = ["curation", "library", "notification_settings", "preview_links", "story", "taxonomy"]
