-- Segments compare attribute strings as dates. A cast that throws would fail the whole segment
-- query for one contact's malformed value, so this returns NULL instead. A value without an
-- offset is read as UTC, whatever the session's time zone.
CREATE OR REPLACE FUNCTION waymark_to_timestamptz(value text) RETURNS timestamptz
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
  IF value ~ '(Z|[+-]\d{2}:?\d{2})$' THEN
    RETURN value::timestamptz;
  END IF;
  RETURN value::timestamp AT TIME ZONE 'UTC';
EXCEPTION WHEN others THEN
  RETURN NULL;
END
$$;
