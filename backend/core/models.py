from django.db import models


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class CompletedTask(models.Model):
    """The record that an idempotent task's effect happened (see ``core.idempotency``)."""

    key = models.CharField(max_length=255, unique=True)
    completed_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.key
