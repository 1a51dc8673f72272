from django.db import migrations

# Producers created before onboarding existed get an application matching their status.
STATUS_FOR = {
    "draft": "draft",
    "pending": "submitted",
    "approved": "approved",
    "rejected": "rejected",
    "suspended": "approved",
}


def create_applications(apps, schema_editor):
    Producer = apps.get_model("producers", "Producer")
    OnboardingApplication = apps.get_model("producers", "OnboardingApplication")
    for producer in Producer._default_manager.filter(application__isnull=True):
        OnboardingApplication._default_manager.create(
            producer=producer, status=STATUS_FOR.get(producer.status, "draft")
        )


class Migration(migrations.Migration):
    dependencies = [("producers", "0002_onboarding_documents_members")]
    operations = [migrations.RunPython(create_applications, migrations.RunPython.noop)]
