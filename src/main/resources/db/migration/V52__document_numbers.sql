-- 发文字号: one sequence per issuing unit and year (documents.DocumentNumbers). The counter row is
-- incremented inside the act's transaction, so numbers have no gaps and no duplicates.
CREATE TABLE document_number_counter (
    unit_code     varchar(32) NOT NULL REFERENCES unit (code),
    year          int         NOT NULL,
    last_sequence int         NOT NULL CHECK (last_sequence > 0),
    PRIMARY KEY (unit_code, year)
);

-- the number each stored document was issued under (null for documents issued before V52)
ALTER TABLE petition_document ADD COLUMN document_number varchar(48);
CREATE UNIQUE INDEX petition_document_number ON petition_document (document_number) WHERE document_number IS NOT NULL;
ALTER TABLE supervision_order ADD COLUMN document_number varchar(48);
CREATE UNIQUE INDEX supervision_order_document_number ON supervision_order (document_number) WHERE document_number IS NOT NULL;
