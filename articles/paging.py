"""Pages of stories that cost the same on page 200 as on page 1."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator


class KeysFirstPaginator(Paginator):
    """Finds a page's stories by primary key first, then reads only those rows.

    The first query walks the list's index past the skipped stories reading nothing but
    their keys; the second joins just the page's own rows to their section and lead image.
    Reading whole rows at OFFSET 4,000 would join (and read) every skipped story too.
    """

    def page(self, number: Any) -> Page:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        keys = list(self.object_list.values_list("pk", flat=True)[bottom:top])
        return self._get_page(self.object_list.filter(pk__in=keys), number, self)
