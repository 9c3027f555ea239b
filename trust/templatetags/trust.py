"""{% standards_url %}: the standards page's address for templates rendered without a request
(the stored story render), or "" while the newsroom has filled in no policy."""

from django import template

from .. import snapshot

register = template.Library()


@register.simple_tag
def standards_url() -> str:
    return snapshot.current().standards_url
