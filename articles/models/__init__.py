"""A story and its parts: what they are, and which of them the public may see.

The models live in modules named for what they hold (taxonomy, article, parts, editorial);
everything other code imports comes from here, so `from articles.models import Article` works
as it always did.
"""

# isort: off
# In the order the models were declared when they shared one module, so the app registry and
# each model's reverse relations (admin delete summaries, deletion order) list them as before.
from .taxonomy import Section, Tag
from .article import Article
from .bylines import Byline
from .queries import ArticleQuerySet
from .positions import assign_position
from .parts import Correction, CorrectionQuerySet, ImpactItem, KeyTakeaway
from .editorial import (
    NotificationPreference,
    NotificationPreferenceQuerySet,
    PreviewLink,
    PreviewLinkQuerySet,
    SearchEntry,
    StoryRevision,
    WorkflowEvent,
)
from .rendered import StoryRender
from .attribution import Claim, Quote, StorySource
from .autosave import Autosave
from .curation import MAX_PINS, Curation, CurationChange, Pin, PinQuerySet
# isort: on

__all__ = [
    "Article",
    "ArticleQuerySet",
    "Autosave",
    "Byline",
    "Claim",
    "Correction",
    "CorrectionQuerySet",
    "Curation",
    "CurationChange",
    "ImpactItem",
    "KeyTakeaway",
    "MAX_PINS",
    "NotificationPreference",
    "NotificationPreferenceQuerySet",
    "Pin",
    "PinQuerySet",
    "PreviewLink",
    "PreviewLinkQuerySet",
    "Quote",
    "SearchEntry",
    "Section",
    "StoryRender",
    "StoryRevision",
    "StorySource",
    "Tag",
    "WorkflowEvent",
    "assign_position",
]
