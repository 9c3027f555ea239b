"""What the API says about each published thing, field by field.

Every serialiser names its fields: a new model column (an internal note, an email) never
reaches the API by accident. Links are absolute (api/links.py).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from articles.models import (
    Article,
    Byline,
    Claim,
    Correction,
    ImpactItem,
    KeyTakeaway,
    Quote,
    Section,
    Tag,
)
from articles.story import CitedClaim, Story
from articles.worktypes import WorkType
from authors.models import Profile
from images.models import Image
from sources.models import Person, Source

from .links import (
    AbsoluteUrlField,
    api_path,
    listing_stories_path,
    page_path,
    stories_path,
)
from .richtext import RichTextField

# -- what a story points at ------------------------------------------------------------------


class ListingRefSerializer(serializers.ModelSerializer):
    """A section or a tag: its page, and the stories list filtered to it (?section=, ?tag=)."""

    page_url = AbsoluteUrlField(page_path)
    stories_url = AbsoluteUrlField(listing_stories_path)

    class Meta:
        fields = ["slug", "name", "page_url", "stories_url"]


class SectionRefSerializer(ListingRefSerializer):
    class Meta(ListingRefSerializer.Meta):
        model = Section


class SectionSerializer(SectionRefSerializer):
    story_count = serializers.IntegerField(help_text=_("Published stories in the section."))

    class Meta(SectionRefSerializer.Meta):
        fields = [*SectionRefSerializer.Meta.fields, "description", "story_count"]


class TagRefSerializer(ListingRefSerializer):
    class Meta(ListingRefSerializer.Meta):
        model = Tag


class TagSerializer(TagRefSerializer):
    story_count = serializers.IntegerField(help_text=_("Published stories with the tag."))

    class Meta(TagRefSerializer.Meta):
        fields = [*TagRefSerializer.Meta.fields, "story_count"]


class AuthorRefSerializer(serializers.ModelSerializer):
    """A writer's public profile: its address (slug), name and page. Never a login name."""

    slug = serializers.CharField(
        read_only=True, help_text=_("The profile's address: /authors/<slug>/.")
    )
    name = serializers.CharField(source="display_name", read_only=True)
    page_url = AbsoluteUrlField(page_path)
    stories_url = AbsoluteUrlField(stories_path("author", "slug"))

    class Meta:
        model = Profile
        fields = ["slug", "name", "page_url", "stories_url"]


class AuthorSerializer(AuthorRefSerializer):
    story_count = serializers.IntegerField(help_text=_("Published stories with their byline."))

    class Meta(AuthorRefSerializer.Meta):
        fields = [*AuthorRefSerializer.Meta.fields, "story_count"]


class BylineSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="display_name")
    author = AuthorRefSerializer(
        source="profile",
        allow_null=True,
        help_text=_("The writer's public profile; null when there is none (or a credit only)."),
    )

    class Meta:
        model = Byline
        fields = ["name", "author"]


class PersonRefSerializer(serializers.ModelSerializer):
    api_url = AbsoluteUrlField(api_path("api:person-detail"))
    page_url = AbsoluteUrlField(page_path)

    class Meta:
        model = Person
        fields = ["slug", "name", "api_url", "page_url"]


class PersonSerializer(PersonRefSerializer):
    stories_url = AbsoluteUrlField(stories_path("person", "slug"))
    quote_count = serializers.IntegerField(help_text=_("Quotes in published stories."))
    story_count = serializers.IntegerField(help_text=_("Published stories quoting them."))

    class Meta(PersonRefSerializer.Meta):
        fields = [
            *PersonRefSerializer.Meta.fields,
            "role",
            "organization",
            "stories_url",
            "quote_count",
            "story_count",
        ]


class SourceSerializer(serializers.ModelSerializer):
    """A source document; never its internal notes."""

    url = serializers.CharField(help_text=_("The source's own address (may be empty)."))
    stories_url = AbsoluteUrlField(stories_path("source", "pk"))
    story_count = serializers.IntegerField(help_text=_("Published stories listing it."))

    class Meta:
        model = Source
        fields = [
            "id",
            "title",
            "publisher",
            "url",
            "kind",
            "published_on",
            "stories_url",
            "story_count",
        ]


class StoryRefSerializer(serializers.ModelSerializer):
    api_url = AbsoluteUrlField(api_path("api:story-detail"))
    canonical_url = AbsoluteUrlField(page_path)

    class Meta:
        model = Article
        fields = ["slug", "headline", "api_url", "canonical_url"]


# -- the parts of a story --------------------------------------------------------------------


class TakeawaySerializer(serializers.ModelSerializer):
    text = RichTextField(source="text_html")

    class Meta:
        model = KeyTakeaway
        fields = ["text"]


class ClaimSerializer(serializers.Serializer):
    """A claim with its verification status and the ids of the sources it cites, in order."""

    status = serializers.ChoiceField(choices=Claim.Status.choices, source="claim.status")
    text = RichTextField(source="claim.text_html")
    source_ids = serializers.SerializerMethodField(
        help_text=_("Ids of the cited sources, in the order of the story's source list.")
    )

    def get_source_ids(self, item: CitedClaim) -> list[int]:
        return [source.pk for _number, source in item.citations]


class ImpactItemSerializer(serializers.ModelSerializer):
    text = RichTextField(source="text_html")

    class Meta:
        model = ImpactItem
        fields = ["label", "text"]


class QuoteSerializer(serializers.ModelSerializer):
    speaker = PersonRefSerializer()
    role = serializers.CharField(help_text=_("The speaker's role when they said it."))
    source_id = serializers.IntegerField(allow_null=True)
    is_pull = serializers.BooleanField(help_text=_("The story's pull quote."))

    class Meta:
        model = Quote
        fields = ["text", "speaker", "role", "said_on", "source_id", "is_pull"]


class StorySourceSerializer(serializers.Serializer):
    """An entry of the story's source list; `number` is its citation number on the page."""

    number = serializers.IntegerField()
    id = serializers.IntegerField(source="source.pk")
    title = serializers.CharField(source="source.title")
    publisher = serializers.CharField(source="source.publisher")
    url = serializers.CharField(source="source.url")
    kind = serializers.ChoiceField(choices=Source.Kind.choices, source="source.kind")
    published_on = serializers.DateField(source="source.published_on", allow_null=True)

    def to_representation(self, entry: tuple[int, Source]) -> dict[str, Any]:
        number, source = entry
        return super().to_representation({"number": number, "source": source})


class StoryCorrectionSerializer(serializers.ModelSerializer):
    text = RichTextField(source="text_html")

    class Meta:
        model = Correction
        fields = ["text", "created_at"]


class CorrectionSerializer(StoryCorrectionSerializer):
    story = StoryRefSerializer(source="article")

    class Meta(StoryCorrectionSerializer.Meta):
        fields = ["id", *StoryCorrectionSerializer.Meta.fields, "story"]


class RenditionSerializer(serializers.Serializer):
    """One stored file of the picture: a width (w480, w960, w1600 or narrower) in WebP or
    JPEG, or the 1200×630 crop for social cards (`social`)."""

    name = serializers.CharField()
    format = serializers.ChoiceField(choices=["webp", "jpeg"])
    content_type = serializers.CharField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()
    url = AbsoluteUrlField(lambda rendition: rendition.url)


class LeadImageSerializer(serializers.ModelSerializer):
    """The story's lead image: the words readers get with it and its renditions."""

    alt = serializers.CharField(
        source="alt_text", help_text=_("Text for readers who cannot see it.")
    )
    width = serializers.IntegerField(help_text=_("Of the stored original, in pixels."))
    height = serializers.IntegerField(help_text=_("Of the stored original, in pixels."))
    renditions = RenditionSerializer(many=True, source="all_renditions")

    class Meta:
        model = Image
        fields = ["alt", "caption", "credit", "width", "height", "renditions"]


# -- stories -----------------------------------------------------------------------------------


class StorySummarySerializer(StoryRefSerializer):
    """A story in a list: enough to show a card and to fetch the whole story."""

    ninjs_url = AbsoluteUrlField(api_path("api:story-ninjs"))
    type = serializers.ChoiceField(
        source="work_type",
        choices=WorkType.choices,
        read_only=True,
        help_text=_("The type of work: news, analysis, opinion, explainer, fact check or review."),
    )
    standfirst = RichTextField(source="standfirst_html")
    section = SectionRefSerializer(allow_null=True)
    tags = TagRefSerializer(many=True)
    bylines = BylineSerializer(many=True)
    updated_at = serializers.DateTimeField(
        source="last_public_change",
        read_only=True,
        help_text=_("Its last change for readers: publication, a correction or an update."),
    )

    class Meta(StoryRefSerializer.Meta):
        fields = [
            *StoryRefSerializer.Meta.fields,
            "ninjs_url",
            "type",
            "standfirst",
            "dateline",
            "section",
            "tags",
            "bylines",
            "first_published_at",
            "published_at",
            "updated_at",
        ]


class StorySerializer(StorySummarySerializer):
    """The whole story as data, in the page's order."""

    lead_image = LeadImageSerializer(allow_null=True, help_text=_("Null when it has none."))
    takeaways = serializers.SerializerMethodField()
    claims = serializers.SerializerMethodField()
    context = RichTextField(source="context_html")
    impact_items = serializers.SerializerMethodField()
    quotes = QuoteSerializer(many=True)
    bottom_line = RichTextField(source="bottom_line_html")
    methods = RichTextField(
        source="methods_html", help_text=_("How we reported this (empty when there is no note).")
    )
    sources = serializers.SerializerMethodField()
    corrections = serializers.SerializerMethodField()

    class Meta(StorySummarySerializer.Meta):
        fields = [
            *StorySummarySerializer.Meta.fields,
            "lead_image",
            "takeaways",
            "claims",
            "context",
            "impact_items",
            "quotes",
            "bottom_line",
            "methods",
            "sources",
            "corrections",
        ]

    def to_representation(self, article: Article) -> dict[str, Any]:
        story = self.context.get("story")
        self._story = story if story is not None and story.article is article else Story.of(article)
        return super().to_representation(article)

    @extend_schema_field(TakeawaySerializer(many=True))
    def get_takeaways(self, article: Article) -> list[dict[str, Any]]:
        return TakeawaySerializer(self._story.takeaways, many=True, context=self.context).data

    @extend_schema_field(ImpactItemSerializer(many=True))
    def get_impact_items(self, article: Article) -> list[dict[str, Any]]:
        return ImpactItemSerializer(self._story.impact_items, many=True, context=self.context).data

    @extend_schema_field(StoryCorrectionSerializer(many=True))
    def get_corrections(self, article: Article) -> list[dict[str, Any]]:
        corrections = self._story.corrections
        return StoryCorrectionSerializer(corrections, many=True, context=self.context).data

    @extend_schema_field(ClaimSerializer(many=True))
    def get_claims(self, article: Article) -> list[dict[str, Any]]:
        story = self._story
        claims = sorted(
            [*story.verified, *story.unconfirmed, *story.disputed],
            key=lambda item: item.claim.position,
        )
        return ClaimSerializer(claims, many=True, context=self.context).data

    @extend_schema_field(StorySourceSerializer(many=True))
    def get_sources(self, article: Article) -> list[dict[str, Any]]:
        return StorySourceSerializer(self._story.sources, many=True, context=self.context).data


# -- people and withdrawals ----------------------------------------------------------------


class PersonQuoteSerializer(serializers.ModelSerializer):
    role = serializers.CharField(help_text=_("Their role when they said it."))
    source_id = serializers.IntegerField(allow_null=True)
    story = StoryRefSerializer(source="article")

    class Meta:
        model = Quote
        fields = ["text", "role", "said_on", "source_id", "is_pull", "story"]


class PersonDetailSerializer(PersonSerializer):
    quotes = PersonQuoteSerializer(
        many=True, source="published_quotes", help_text=_("Newest story first.")
    )

    class Meta(PersonSerializer.Meta):
        fields = [*PersonSerializer.Meta.fields, "quotes"]


class WithdrawalSerializer(serializers.Serializer):
    """A story taken off the site: where it was, and when. No content."""

    slug = serializers.CharField(source="article.slug")
    canonical_url = AbsoluteUrlField(lambda event: event.article.get_absolute_url())
    withdrawn_at = serializers.DateTimeField(source="at")
