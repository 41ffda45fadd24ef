// Migration 2: rights that hold in this base only. The two group roles are the
// cluster's (one set for every plie-triage base of the server), so that being a
// member of plie_triage_coordination made a login the coordination of every base,
// and revoking it in one base revoked it in all. From now on the roles only carry
// the table rights; who is the coordination is this base's `coordinators` table,
// as who works for which référent·e is its `logins` table, and row-level security
// reads them. Nobody is carried over from the role: after this migration, the
// coordination is granted again in each base (db grant LOGIN --coordination).
export const name = '002_rights_per_base';

export const sql = String.raw`
CREATE TABLE plie_triage.coordinators (
	login text PRIMARY KEY,
	granted_by text NOT NULL DEFAULT current_user,
	granted_at timestamptz NOT NULL DEFAULT now()
);

-- Whether a login is this base's coordination: run as the owner (the table's own
-- row-level security reads it too, and would otherwise call itself), the login passed in.
CREATE FUNCTION plie_triage.is_coordinator(who text) RETURNS boolean
	LANGUAGE sql STABLE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$ SELECT EXISTS (SELECT FROM plie_triage.coordinators WHERE login = who) $$;
REVOKE EXECUTE ON FUNCTION plie_triage.is_coordinator(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION plie_triage.is_coordinator(text) TO plie_triage_referent, plie_triage_coordination;

CREATE OR REPLACE FUNCTION plie_triage.sees_all() RETURNS boolean
	LANGUAGE sql STABLE
	AS $$ SELECT plie_triage.is_coordinator(current_user::text) $$;

-- Mapped here to the coordination or to a référent·e: what a group role alone no longer gives.
CREATE FUNCTION plie_triage.has_access() RETURNS boolean
	LANGUAGE sql STABLE
	AS $$ SELECT plie_triage.sees_all() OR cardinality(plie_triage.my_referent_keys()) > 0 $$;

CREATE OR REPLACE FUNCTION plie_triage.whoami(OUT login text, OUT owner boolean, OUT coordination boolean, OUT referents text[])
	LANGUAGE sql STABLE
	AS $$
		SELECT current_user::text,
			pg_has_role(current_user, (SELECT nspowner FROM pg_namespace WHERE nspname = 'plie_triage'), 'MEMBER'),
			plie_triage.sees_all(),
			coalesce((SELECT array_agg(referent ORDER BY referent) FROM plie_triage.logins WHERE login = current_user), '{}')
	$$;

ALTER TABLE plie_triage.coordinators ENABLE ROW LEVEL SECURITY;
CREATE POLICY coordinators_read ON plie_triage.coordinators FOR SELECT
	USING (login = current_user::text OR (SELECT plie_triage.sees_all()));
CREATE POLICY coordinators_write ON plie_triage.coordinators FOR ALL
	USING ((SELECT plie_triage.sees_all())) WITH CHECK ((SELECT plie_triage.sees_all()));

-- Only the coordination of this base deletes a participant or changes the settings;
-- the settings are read by those who have access here.
CREATE POLICY participants_delete ON plie_triage.participants AS RESTRICTIVE FOR DELETE
	USING ((SELECT plie_triage.sees_all()));
ALTER TABLE plie_triage.settings ENABLE ROW LEVEL SECURITY;
CREATE POLICY settings_read ON plie_triage.settings FOR SELECT USING ((SELECT plie_triage.has_access()));
CREATE POLICY settings_write ON plie_triage.settings FOR UPDATE
	USING ((SELECT plie_triage.sees_all())) WITH CHECK ((SELECT plie_triage.sees_all()));

-- A line without a participant is written by someone who has access here.
DROP POLICY journal_append ON plie_triage.journal;
CREATE POLICY journal_append ON plie_triage.journal FOR INSERT
	WITH CHECK ((SELECT plie_triage.sees_all())
		OR (participant_id IS NULL AND (SELECT plie_triage.has_access()))
		OR referent_key = ANY ((SELECT plie_triage.my_referent_keys())::text[]));

GRANT SELECT ON plie_triage.coordinators TO plie_triage_referent, plie_triage_coordination;
GRANT INSERT, UPDATE, DELETE ON plie_triage.coordinators TO plie_triage_coordination;
`;
