"""The one transition table of certification applications."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from backend.core.errors import DomainError
from backend.ocop.error_codes import OcopErrorCode
from backend.ocop.models import ApplicationStatus as S

TRANSITIONS: dict[str, frozenset[str]] = {
    S.DRAFT: frozenset({S.SUBMITTED}),
    S.SUBMITTED: frozenset({S.COMMUNE_REVIEWED}),
    S.COMMUNE_REVIEWED: frozenset({S.UNDER_ASSESSMENT}),
    S.UNDER_ASSESSMENT: frozenset({S.SCORED, S.PROPOSED_FIVE_STAR}),
    S.SCORED: frozenset({S.CERTIFIED, S.NOT_CERTIFIED}),
    # The central council either confirms (the Ministry certifies five stars) or scores
    # below 90, which hands the application back to the province at its new score.
    S.PROPOSED_FIVE_STAR: frozenset({S.CERTIFIED, S.SCORED}),
    S.CERTIFIED: frozenset(),
    S.NOT_CERTIFIED: frozenset(),
}


def check_transition(current: str, target: str) -> None:
    """Raise DomainError INVALID_TRANSITION unless ``current -> target`` is in the table."""
    if target not in TRANSITIONS.get(current, frozenset()):
        raise DomainError(
            OcopErrorCode.INVALID_TRANSITION.value,
            str(
                _("Không thể chuyển hồ sơ từ trạng thái %(current)s sang %(target)s.")
                % {"current": S(current).label, "target": S(target).label}
            ),
            field="status",
            params={"current": current, "target": target},
        )
