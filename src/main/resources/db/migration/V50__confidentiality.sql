-- Art 30 as one rule (docs/confidentiality.md).

-- The accused unit chosen from the directory, so the check compares codes, not spellings.
ALTER TABLE petition ADD COLUMN accused_unit_code varchar(32) REFERENCES unit (code);
UPDATE petition p SET accused_unit_code = u.code
FROM unit u WHERE p.accused_unit IN (u.name, '常德' || u.name);

-- Whether an issued document names the petitioner: an accusation's such documents are read only by
-- those who may know the accuser. Slips issued before this were not marked: taken as naming.
ALTER TABLE petition_document ADD COLUMN names_petitioner boolean NOT NULL DEFAULT true;

-- A citizen's account in a history links their matters to each other: histories say 信访人.
UPDATE petition_history SET actor = '信访人' WHERE actor LIKE 'citizen:%';

-- 检索 by a 信访编号's tail (the last digits read off a slip): a suffix match on the reversed number.
CREATE INDEX petition_number_reversed ON petition (reverse(number) text_pattern_ops);
