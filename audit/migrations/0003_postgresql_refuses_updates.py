"""On PostgreSQL the database itself refuses to change an audit entry, so not even raw SQL
from the application's own login rewrites history. The one update let through is Django's
SET_NULL of a deleted user's or content type's link. SQLite keeps the model's refusal only."""

from django.db import migrations

COLUMNS = "at, actor_name, action, area, object_id, target_label, origin, address, browser, detail"
NEW = ", ".join(f"NEW.{column.strip()}" for column in COLUMNS.split(","))
OLD = ", ".join(f"OLD.{column.strip()}" for column in COLUMNS.split(","))

CREATE = f"""
CREATE OR REPLACE FUNCTION audit_entry_append_only() RETURNS trigger AS $$
BEGIN
    IF NEW.id = OLD.id
       AND ROW({NEW}) IS NOT DISTINCT FROM ROW({OLD})
       AND (NEW.actor_id IS NULL OR NEW.actor_id = OLD.actor_id)
       AND (NEW.content_type_id IS NULL OR NEW.content_type_id = OLD.content_type_id) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit entries are append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
"""

DROP = """
DROP TRIGGER IF EXISTS audit_entry_append_only ON audit_entry;
DROP FUNCTION IF EXISTS audit_entry_append_only();
"""


def run(sql):
    def on_postgresql(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return on_postgresql


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_editors_read")]

    operations = [migrations.RunPython(run(CREATE), run(DROP))]
