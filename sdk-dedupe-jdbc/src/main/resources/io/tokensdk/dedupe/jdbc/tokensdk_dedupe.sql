-- The table of io.tokensdk.dedupe.jdbc.JdbcDedupeStore (PostgreSQL 12+). One row per dedupe key:
--   dedupe_key   API, operation and idempotency key (e.g. TSP:createToken:<x-request-id>)
--   fingerprint  SHA-256 of the request, to recognise the same id sent with another body
--   claim_owner  the delivery that claimed the key; only it may record the answer or release the claim
--   response     NULL while the claim is in flight; then the encoded answer (status, headers, body) to replay
--   expires_at   the lease's end while in flight, the retention's end once answered; a row past it counts as absent
-- Times come from the database clock only, so instances with skewed clocks agree.
CREATE TABLE IF NOT EXISTS tokensdk_dedupe (
  dedupe_key  TEXT        PRIMARY KEY,
  fingerprint TEXT        NOT NULL,
  claim_owner TEXT        NOT NULL,
  response    BYTEA,
  expires_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS tokensdk_dedupe_expires_at ON tokensdk_dedupe (expires_at);
