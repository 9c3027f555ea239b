"""Policies and the publisher for the trust tests, written through the editors' door."""

from __future__ import annotations

from typing import Any

from trust import editing
from trust.models import Policy, Publisher


def write_policy(editor: Any, kind: str, body: str = "", summary: str = "") -> Policy:
    policy = Policy.objects.filter(kind=kind).first() or Policy(kind=kind)
    policy.body, policy.summary = body, summary
    return editing.save_policy(policy, editor)


def write_publisher(editor: Any, **fields: Any) -> Publisher:
    publisher = Publisher.current()
    for name, value in fields.items():
        setattr(publisher, name, value)
    return editing.save_publisher(publisher, editor)
