"""`in` lookups on integer fields that leave out numbers the database cannot hold.

Django (5.0+) answers `exact`, `gt`, `lt`... with a number out of an integer column's range
as "no rows", but not `in`: a 40-digit id posted to any form's choice field (an autocomplete's
ids are checked with `pk__in`) made SQLite raise OverflowError, a 500. Such a number matches
no row, so it is dropped from the list, like None is.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models.lookups import In


class InRange(In):
    def process_rhs(self, compiler: Any, connection: Any) -> Any:
        if self.rhs_is_direct_value():
            internal_type = self.lhs.output_field.get_internal_type()
            low, high = connection.ops.integer_field_range(internal_type)
            self.rhs = [
                value
                for value in self.rhs
                if not isinstance(value, int)
                or ((low is None or value >= low) and (high is None or value <= high))
            ]
        return super().process_rhs(compiler, connection)


def register() -> None:
    models.IntegerField.register_lookup(InRange)
