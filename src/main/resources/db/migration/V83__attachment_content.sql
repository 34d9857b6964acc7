-- Attachments in PostgreSQL (issue 13 item 8): a file uploaded through one node is readable on every
-- node, is in every backup of the database (pg_dump, pgBackRest) and is written in the registration's
-- own transaction (nothing half-stored). At most 5 x 10 MB per matter. Files stored by earlier
-- versions under xinfang.attachments.directory are still read from there.
CREATE TABLE attachment_content (
    storage_key varchar(64) PRIMARY KEY,
    content     bytea       NOT NULL
);
ALTER TABLE attachment_content ALTER COLUMN content SET STORAGE EXTERNAL;  -- images and PDF are compressed already
