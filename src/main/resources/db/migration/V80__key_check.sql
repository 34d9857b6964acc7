-- Key check values (issue 13 item 5): written at the first start on an empty database, compared at
-- every start. A deployment restored without its key file, or started with other keys, refuses to
-- start instead of silently forking (new keys cannot read the old ciphertexts or query codes).
CREATE TABLE key_check (
    id         int          PRIMARY KEY CHECK (id = 1),
    data_key   varchar(32)  NOT NULL,   -- HMAC-SHA256 of a constant under each key, first 16 bytes, hex
    index_key  varchar(32)  NOT NULL,
    token_key  varchar(32)  NOT NULL,
    created_at timestamptz  NOT NULL DEFAULT now()
);
