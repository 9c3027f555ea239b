"""The "Leave a Comment" form: name, email, comment, and (hidden) the comment it answers."""

from __future__ import annotations

from typing import Any

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Field, Layout
from django import forms
from django.utils.translation import gettext_lazy as _

from articles.models import Article

from . import antispam
from .models import (
    BODY_MAX_LENGTH,
    BODY_MIN_LENGTH,
    MAX_ID,
    NAME_MAX_LENGTH,
    USER_AGENT_MAX_LENGTH,
    Comment,
)

# The trap field bots fill in and people never see. Its name means nothing to a browser's
# autofill (which would otherwise fill it for real readers).
HONEYPOT_FIELD = "extra_ref"
REPLY_REFUSED = _("You can only reply to a published comment on this story.")


class BodyField(forms.CharField):
    def to_python(self, value: Any) -> str:
        # Browsers send line breaks as CRLF; count and store them as one character.
        return super().to_python(value).replace("\r\n", "\n").replace("\r", "\n")


class CommentForm(forms.ModelForm):
    name = forms.CharField(
        label=_("Name"),
        max_length=NAME_MAX_LENGTH,
        validators=[antispam.NoControlCharacters()],
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Email"),
        help_text=_("Never shown. We use it only if we need to ask you about your comment."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    body = BodyField(
        label=_("Comment"),
        min_length=BODY_MIN_LENGTH,
        max_length=BODY_MAX_LENGTH,
        validators=[antispam.NoControlCharacters(multiline=True)],
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Plain text, up to 5,000 characters. Comments are read before they appear."),
    )
    parent = forms.IntegerField(
        required=False,
        widget=forms.HiddenInput,
        min_value=1,
        max_value=MAX_ID,
        error_messages=dict.fromkeys(["invalid", "min_value", "max_value"], REPLY_REFUSED),
    )

    class Meta:
        model = Comment
        fields = ["name", "email", "body"]

    def __init__(self, *args: Any, article: Article, **kwargs: Any) -> None:
        kwargs.setdefault("instance", Comment(article=article))
        super().__init__(*args, **kwargs)
        self.article = article
        self.reply_to: Comment | None = None
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Field("name"),
            Field("email"),
            Field("body"),
            Field("parent"),
            Div(Field(HONEYPOT_FIELD), css_class="comment-trap", aria_hidden="true"),
        )

    def clean_name(self) -> str:
        return antispam.strip_bidi_controls(self.cleaned_data["name"]).strip()

    def clean_parent(self) -> int | None:
        parent_id = self.cleaned_data.get("parent")
        if parent_id is None:
            return None
        self.reply_to = Comment.objects.replyable_for(self.article, parent_id)
        if self.reply_to is None:
            raise forms.ValidationError(REPLY_REFUSED, code="parent")
        return parent_id

    def add_error(self, field: str | None, error: Any) -> None:
        # The parent is a hidden field: show its problem at the top of the form instead.
        super().add_error(None if field == "parent" else field, error)

    def comment(self, address: str | None, user_agent: str) -> Comment:
        """The unsaved comment, marked as spam (with the reasons) when it looks like spam."""
        comment = self.save(commit=False)
        comment.parent = self.reply_to
        comment.ip_address = address
        comment.user_agent = user_agent[:USER_AGENT_MAX_LENGTH]
        reasons = antispam.spam_reasons(
            comment.name, comment.body, self.cleaned_data.get(HONEYPOT_FIELD, "")
        )
        if reasons:
            comment.status = Comment.Status.SPAM
            comment.spam_reason = ", ".join(reasons)
        return comment
