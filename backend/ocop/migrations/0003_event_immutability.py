from django.db import migrations

# Events are history: refuse UPDATE and DELETE from any database client, not only the ORM.
FORWARD = """
CREATE FUNCTION ocop_applicationevent_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'ocop_applicationevent rows are append-only (%)', TG_OP;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER ocop_applicationevent_immutable
    BEFORE UPDATE OR DELETE ON ocop_applicationevent
    FOR EACH ROW EXECUTE FUNCTION ocop_applicationevent_immutable();
"""
BACKWARD = """
DROP TRIGGER IF EXISTS ocop_applicationevent_immutable ON ocop_applicationevent;
DROP FUNCTION IF EXISTS ocop_applicationevent_immutable();
"""


class Migration(migrations.Migration):
    dependencies = [("ocop", "0002_criteria_qd148_2023")]
    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
