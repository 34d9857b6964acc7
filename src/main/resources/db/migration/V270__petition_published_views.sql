-- Issue 12 item 4 (continued): what the petition module publishes for other modules' figures,
-- duties, notices and partner feeds, beside petition_ref (V171). Plain views: PostgreSQL inlines
-- them, so a query through them plans exactly as one on the tables.

-- petition_ref gains the units called in to a joint handling: the data scope (PetitionScope) of a
-- department filters on them. Columns are only appended, so CREATE OR REPLACE keeps the view's users.
CREATE OR REPLACE VIEW petition_ref AS
SELECT id, number, title, status, kind, region_code, responsible_unit_code, registering_unit_code, received_at,
       joint_units
FROM petition;

-- The facts of a matter that figures and duties are computed from: where it stands, its dates,
-- clocks, classification, outcome and rating. Never who petitioned (no petitioner, no citizen
-- account, no query code), not the content, not the accused person, not the opinion's text.
CREATE VIEW petition_fact AS
SELECT id, number, status, channel, received_at, registered_at, region_code, category_code, kind, complexity,
       legal_channel, title, person_count, group_visit, first_time, accused_unit, accused_unit_code,
       responsible_unit_code, registering_unit_code, duplicate_of, accept_target, accept_statutory, handle_target,
       handle_statutory, joint_units, flags, routed_at, routed_by_unit_code, routing, accepted_at, extended_days,
       result, replied_at, delivered_at, satisfaction, recheck_pending, appeal_requested_at, reexamination_result,
       reexamination_decided_at, review_result, closed_at
FROM petition;

-- The steps of a matter: each act with its time, the status change, the note and the public
-- milestone. Not who acted (history's actor column; Confidentiality decides how that is shown).
CREATE VIEW petition_step AS
SELECT id, petition_id, at, action, from_status, to_status, note, public_milestone
FROM petition_history;

-- The words of a matter, for the case file's search, its same-facts fingerprints and its 类案:
-- title, content and the accused unit named (what the staff in scope read on the case page anyway),
-- with the few facts a search hit shows beside them.
CREATE VIEW petition_text AS
SELECT id, number, title, content, accused_unit, kind, status, region_code, category_code, received_at
FROM petition;

-- Whether personal data was ever stored encrypted, and one encrypted value to try the keys on
-- (privacy.KeyCheck, at start-up): the cipher text only, never whose it is.
CREATE VIEW petition_encrypted_sample AS
SELECT phone_enc AS cipher_text FROM petitioner WHERE phone_enc IS NOT NULL;

COMMENT ON VIEW petition_fact IS 'Published by the petition module: the facts figures and duties are computed from (docs/architecture.md)';
COMMENT ON VIEW petition_step IS 'Published by the petition module: the steps of a matter without their actor (docs/architecture.md)';
COMMENT ON VIEW petition_text IS 'Published by the petition module: the words of a matter, for the case file (docs/architecture.md)';
COMMENT ON VIEW petition_encrypted_sample IS 'Published by the petition module: encrypted values for the start-up key check';
