-- Search text of one or two characters has no trigrams, so tickets_title_trgm cannot answer it and a
-- rare one (say "qz") would scan every ticket. This index holds each title's distinct one- and
-- two-character pieces; the list query adds `ticket_short_grams(title_folded) @> ARRAY[text]` for such
-- text, and the planner uses it for rare pieces and walks the activity index for common ones.
CREATE FUNCTION ticket_short_grams(t text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$
    SELECT coalesce(array_agg(DISTINCT substr(t, i, n)), '{}')
    FROM generate_series(1, length(t)) AS i, (VALUES (1), (2)) AS v (n)
    WHERE i + n - 1 <= length(t)
$$;
CREATE INDEX tickets_title_short_grams ON tickets USING gin (ticket_short_grams(title_folded));
