-- Issue 12 item 4: the petition module owns its tables (petition, petitioner, petition_history,
-- petition_document, petition_record, attachment, attachment_content). Other modules whose rows
-- point at a matter (petition_id) read this view of it instead: the matter's identity, title,
-- where it stands and who holds it; never the petitioner, the content or the query code.
-- A plain view: PostgreSQL inlines it, so a join through it plans as a join on petition.
CREATE VIEW petition_ref AS
SELECT id, number, title, status, kind, region_code, responsible_unit_code, registering_unit_code, received_at
FROM petition;

COMMENT ON VIEW petition_ref IS 'Published by the petition module: what other modules may read of a matter (docs/architecture.md)';
