"""Each employment carries its person's name and email, so a council's people are searched through one index.

Triggers keep the copy, whatever writes the rows (forms, the HR import's bulk paths, the API, erasure, the national
generator's COPY): an employment takes its person's name and email when written; a person's new name or email
goes to all their employments at once. On PostgreSQL, one GIN index holds the council and the text's trigrams
(btree_gin with pg_trgm), so "Smith among this council's people" reads the few matching rows, not every person.
On SQLite a later migration that remakes either table drops its triggers: it must create them again (the people
search tests fail if it does not).
"""

from django.db import migrations, models

# A newline between name and email: a search for "smith jsmith" does not run one into the other.
NEWLINE = {"postgresql": "chr(10)", "sqlite": "char(10)"}


POSTGRESQL = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE EXTENSION IF NOT EXISTS btree_gin",
    # A person not written yet (bulk loads with deferred keys) leaves the text as given.
    """CREATE FUNCTION people_employment_search_text() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.search_text := COALESCE(
            (SELECT full_name || {newline} || email FROM people_person WHERE id = NEW.person_id), NEW.search_text);
        RETURN NEW;
    END $$""",
    """CREATE TRIGGER people_employment_search_text BEFORE INSERT OR UPDATE ON people_employment
       FOR EACH ROW EXECUTE FUNCTION people_employment_search_text()""",
    """CREATE FUNCTION people_person_search_text() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE people_employment SET search_text = NEW.full_name || {newline} || NEW.email WHERE person_id = NEW.id;
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER people_person_search_text AFTER UPDATE OF full_name, email ON people_person FOR EACH ROW
       WHEN (OLD.full_name IS DISTINCT FROM NEW.full_name OR OLD.email IS DISTINCT FROM NEW.email)
       EXECUTE FUNCTION people_person_search_text()""",
    # icontains is UPPER(column) LIKE UPPER('%…%') on PostgreSQL: the index holds the same expression.
    """CREATE INDEX people_employment_council_search ON people_employment
       USING gin (council_id, UPPER(search_text) gin_trgm_ops)""",
]
POSTGRESQL_UNDO = [
    "DROP INDEX IF EXISTS people_employment_council_search",
    "DROP TRIGGER IF EXISTS people_person_search_text ON people_person",
    "DROP FUNCTION IF EXISTS people_person_search_text()",
    "DROP TRIGGER IF EXISTS people_employment_search_text ON people_employment",
    "DROP FUNCTION IF EXISTS people_employment_search_text()",
]

# SQLite has no BEFORE trigger that changes the row: the row is put right just after (recursive triggers are off).
SQLITE = [
    """CREATE TRIGGER people_employment_search_text_insert AFTER INSERT ON people_employment BEGIN
        UPDATE people_employment SET search_text = COALESCE(
            (SELECT full_name || {newline} || email FROM people_person WHERE id = NEW.person_id), search_text)
        WHERE id = NEW.id;
    END""",
    """CREATE TRIGGER people_employment_search_text_update AFTER UPDATE ON people_employment BEGIN
        UPDATE people_employment SET search_text = COALESCE(
            (SELECT full_name || {newline} || email FROM people_person WHERE id = NEW.person_id), search_text)
        WHERE id = NEW.id;
    END""",
    """CREATE TRIGGER people_person_search_text AFTER UPDATE OF full_name, email ON people_person
        WHEN OLD.full_name IS NOT NEW.full_name OR OLD.email IS NOT NEW.email BEGIN
        UPDATE people_employment SET search_text = NEW.full_name || {newline} || NEW.email WHERE person_id = NEW.id;
    END""",
]
SQLITE_UNDO = [
    "DROP TRIGGER IF EXISTS people_person_search_text",
    "DROP TRIGGER IF EXISTS people_employment_search_text_update",
    "DROP TRIGGER IF EXISTS people_employment_search_text_insert",
]

FILL = """UPDATE people_employment SET search_text = (
    SELECT full_name || {newline} || email FROM people_person WHERE people_person.id = people_employment.person_id)"""


def _run(statements):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        for statement in statements[vendor]:
            schema_editor.execute(statement.replace("{newline}", NEWLINE[vendor]))
    return run


class Migration(migrations.Migration):

    dependencies = [
        ('people', '0003_person_language'),
    ]

    operations = [
        migrations.AddField(
            model_name='employment',
            name='search_text',
            field=models.TextField(db_default='', default='', editable=False),
        ),
        migrations.RunPython(
            _run({"postgresql": [FILL, *POSTGRESQL], "sqlite": [FILL, *SQLITE]}),
            _run({"postgresql": POSTGRESQL_UNDO, "sqlite": SQLITE_UNDO}),
        ),
    ]
