"""Criteria sets as data: one row set per legal decision, loaded by data migrations."""

from __future__ import annotations

import datetime

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.translation import gettext_lazy as _


class CriteriaSet(models.Model):
    """The criteria of one legal decision (e.g. QD148-2023). Rows are never edited in place:
    a new decision is a new data file and a data migration (backend/ocop/criteria_loader.py).
    """

    code = models.CharField(max_length=32, unique=True)
    legal_basis = models.TextField(_("căn cứ pháp lý"))
    effective_from = models.DateField(_("hiệu lực từ"))
    effective_until = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    notes = models.TextField(blank=True)
    max_points = models.PositiveSmallIntegerField(default=100)

    class Meta:
        ordering = ["-effective_from", "code"]

    def __str__(self) -> str:
        return self.code

    def is_in_force(self, on: datetime.date) -> bool:
        return self.effective_from <= on and (
            self.effective_until is None or on <= self.effective_until
        )


class CriteriaPart(models.Model):
    """Part A, B or C of a criteria set with its maximum points."""

    criteria_set = models.ForeignKey(CriteriaSet, on_delete=models.CASCADE, related_name="parts")
    code = models.CharField(max_length=8)
    name_vi = models.CharField(max_length=255)
    name_en = models.CharField(max_length=255)
    max_points = models.PositiveSmallIntegerField()
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["criteria_set", "sort_order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["criteria_set", "code"], name="ocop_part_code_unique")
        ]

    def __str__(self) -> str:
        return f"{self.criteria_set_id}:{self.code}"


class Criterion(models.Model):
    """One scored criterion. ``product_sets`` empty/null means it applies to every set."""

    criteria_set = models.ForeignKey(CriteriaSet, on_delete=models.CASCADE, related_name="criteria")
    part = models.ForeignKey(CriteriaPart, on_delete=models.CASCADE, related_name="criteria")
    code = models.CharField(max_length=16)
    name_vi = models.CharField(max_length=255)
    name_en = models.CharField(max_length=255)
    max_points = models.PositiveSmallIntegerField()
    product_sets = ArrayField(models.PositiveSmallIntegerField(), null=True, blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["criteria_set", "part__sort_order", "sort_order", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["criteria_set", "code"], name="ocop_criterion_code_unique"
            )
        ]

    def __str__(self) -> str:
        return self.code

    def applies_to(self, product_set: int) -> bool:
        return not self.product_sets or product_set in self.product_sets
