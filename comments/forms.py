"""The "Leave a Comment" form: name, email, comment, and (hidden) the comment it answers."""

from __future__ import annotations

from typing import Any

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Field, Layout
from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy

from articles.models import Article

from . import antispam
from .models import (
    BODY_MAX_LENGTH,
    BODY_MIN_LENGTH,
    MAX_ID,
    NAME_MAX_LENGTH,
    REPORT_NOTE_MAX_LENGTH,
    USER_AGENT_MAX_LENGTH,
    Comment,
    Report,
)

# The trap field bots fill in and people never see. Its name means nothing to a browser's
# autofill (which would otherwise fill it for real readers).
HONEYPOT_FIELD = "extra_ref"
REPLY_REFUSED = _("You can only reply to a published comment on this story.")
# The column's length: longer addresses (the form field's default allows 320) could not be stored.
EMAIL_MAX_LENGTH = Comment._meta.get_field("email").max_length
# Django's own words ("Ensure this value has at most…") say neither which limit nor what to
# do; these keep the numbers and ask for a shorter text (the form keeps what was typed).
NAME_TOO_LONG = ngettext_lazy(
    "Names can be up to %(limit_value)d character long; this one has %(show_value)d. "
    "Please shorten it.",
    "Names can be up to %(limit_value)d characters long; this one has %(show_value)d. "
    "Please shorten it.",
    "limit_value",
)
EMAIL_TOO_LONG = ngettext_lazy(
    "An email address can be up to %(limit_value)d character long; this one has %(show_value)d.",
    "An email address can be up to %(limit_value)d characters long; this one has %(show_value)d.",
    "limit_value",
)
BODY_TOO_LONG = ngettext_lazy(
    "A comment can be up to %(limit_value)d character long; this one has %(show_value)d. "
    "Please shorten it and send it again.",
    "A comment can be up to %(limit_value)d characters long; this one has %(show_value)d. "
    "Please shorten it and send it again.",
    "limit_value",
)


def _name_hint() -> str:
    return ngettext(
        "Shown with your comment. Up to %(limit)d character.",
        "Shown with your comment. Up to %(limit)d characters.",
        NAME_MAX_LENGTH,
    ) % {"limit": NAME_MAX_LENGTH}


class UncutField(forms.Field):
    """A field whose length limit the server explains, without the HTML `maxlength` attribute.

    With `maxlength` a browser silently stops typing, and cuts a pasted text, at the limit: a
    comment went out under a cut-off name. Without it, a longer text arrives and the form
    comes back with a message and every character typed, to be shortened by the reader.
    """

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        return attrs


class NameField(UncutField, forms.CharField):
    pass


class UncutEmailField(UncutField, forms.EmailField):
    pass


class BodyField(UncutField, forms.CharField):
    def to_python(self, value: Any) -> str:
        # Browsers send line breaks as CRLF; count and store them as one character.
        return super().to_python(value).replace("\r\n", "\n").replace("\r", "\n")


class CommentForm(forms.ModelForm):
    name = NameField(
        label=_("Name"),
        max_length=NAME_MAX_LENGTH,
        validators=[antispam.NoControlCharacters()],
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        help_text=lazy(_name_hint, str)(),
        error_messages={"max_length": NAME_TOO_LONG},
    )
    email = UncutEmailField(
        label=_("Email"),
        max_length=EMAIL_MAX_LENGTH,
        help_text=_("Never shown. We use it only if we need to ask you about your comment."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"max_length": EMAIL_TOO_LONG},
    )
    body = BodyField(
        label=_("Comment"),
        min_length=BODY_MIN_LENGTH,
        max_length=BODY_MAX_LENGTH,
        validators=[antispam.NoControlCharacters(multiline=True)],
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Plain text, up to 5,000 characters. Comments are read before they appear."),
        error_messages={"max_length": BODY_TOO_LONG},
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


REPORT_NOTE_TOO_LONG = ngettext_lazy(
    "A note can be up to %(limit_value)d character long; this one has %(show_value)d. "
    "Please shorten it.",
    "A note can be up to %(limit_value)d characters long; this one has %(show_value)d. "
    "Please shorten it.",
    "limit_value",
)


class ReportForm(forms.Form):
    """A reader's report of a comment: why, from a short list, and an optional note."""

    reason = forms.ChoiceField(
        label=_("What is wrong with this comment?"),
        choices=Report.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose what is wrong with the comment."),
            "invalid_choice": _("Choose one of the reasons listed."),
        },
    )
    note = BodyField(
        label=_("Anything the editors should know (optional)"),
        required=False,
        max_length=REPORT_NOTE_MAX_LENGTH,
        validators=[antispam.NoControlCharacters(multiline=True)],
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Up to 500 characters. Only the editors read it."),
        error_messages={"max_length": REPORT_NOTE_TOO_LONG},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
