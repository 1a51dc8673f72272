from __future__ import annotations

from typing import Any

from backend.graphql.core.ids import decode_id_for_input
from backend.ocop import selectors
from backend.ocop.models import CertificationApplication


def is_signed_in(user: Any) -> bool:
    return bool(user and user.is_authenticated)


def application_for_action(info: Any, global_id: str) -> CertificationApplication:
    pk = decode_id_for_input(global_id, "OcopApplication", field="id")
    return selectors.application_get_for_action(actor=info.context.user, pk=pk)
