"""System checks: a wrong or missing setting stops start-up with the variable's name."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Error, register

from backend.config import env


@register()
def check_environment(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    production = not settings.DEBUG
    return [
        Error(
            problem.message,
            hint=f"Set the environment variable {problem.variable} (see README: Configuration).",
            id=f"ocop.E{index:03d}",
            obj=problem.variable,
        )
        for index, problem in enumerate(env.PROBLEMS, start=1)
        if production or not problem.production_only
    ]
