-- Search text of one or two characters has no trigrams, so tickets_title_trgm cannot answer it and a
-- rare one (say "qz") would scan every ticket. This index holds each title's one- and two-character
-- pieces; for such text the list query adds `ticket_short_grams(title_folded) @> ARRAY[text]` after the
-- LIKE, and the planner uses the index for rare pieces and walks the activity index for common ones.
-- COST tells the planner that calling it per row is dear (the LIKE is checked first).
CREATE FUNCTION ticket_short_grams(t text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 1000 AS
$$
    SELECT array(SELECT substr(t, i, 1) FROM generate_series(1, length(t)) AS i)
        || array(SELECT substr(t, i, 2) FROM generate_series(1, length(t) - 1) AS i)
$$;
CREATE INDEX tickets_title_short_grams ON tickets USING gin (ticket_short_grams(title_folded));
