-- A key per terminal for signing the files of unsent messages it exports when it has no link
-- (HMAC-SHA256): the server verifies a file's signature before importing it. Issued at
-- registration with the credential; unlike the credential it must be kept, to verify.
alter table terminals add column export_key text;
