public import Postgres

/// What PostgreSQL lets every role read about every table — row estimates, page counts,
/// sizes, and the statistics collector's counters — would tell one municipality how many
/// households another has (`t_torun.household` has 151 rows), and tell the reporting role
/// the same of all of them. This closes those to everyone but superusers: table names and
/// shapes stay readable, numbers do not.
///
/// Changing rights on the system catalogue needs a superuser, so it runs before the
/// migrations, as the connecting user, once per database. Without a superuser (a managed
/// database) it leaves the catalogue as it is: docs/reports.md says what to ask for instead.
public enum StatisticsClosure {
    /// Closes the catalogue's numbers to PUBLIC; returns false when the user may not.
    @discardableResult
    public static func apply(on session: Session) async throws -> Bool {
        guard try await session.query("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").scalar(Bool.self) else { return false }
        try await session.query(
            """
            DO $closure$
            DECLARE
                item record;
            BEGIN
                -- Done once per database: later runs find the sizes closed already.
                IF NOT has_column_privilege('public', 'pg_catalog.pg_class', 'reltuples', 'SELECT') THEN
                    RETURN;
                END IF;
                -- pg_class: every column but the sizes, column by column.
                REVOKE SELECT ON pg_catalog.pg_class FROM PUBLIC;
                FOR item IN SELECT attname FROM pg_attribute
                            WHERE attrelid = 'pg_catalog.pg_class'::regclass AND attnum > 0 AND NOT attisdropped
                              AND attname NOT IN ('reltuples', 'relpages', 'relallvisible') LOOP
                    EXECUTE format('GRANT SELECT (%I) ON pg_catalog.pg_class TO PUBLIC', item.attname);
                END LOOP;
                -- The statistics views of tables, indexes, sequences and functions.
                FOR item IN SELECT viewname FROM pg_views WHERE schemaname = 'pg_catalog'
                            AND (viewname LIKE 'pg\\_stat\\_%tables' OR viewname LIKE 'pg\\_statio\\_%' OR viewname LIKE 'pg\\_stat\\_%indexes'
                                 OR viewname LIKE 'pg\\_stat\\_%functions') LOOP
                    EXECUTE format('REVOKE SELECT ON pg_catalog.%I FROM PUBLIC', item.viewname);
                END LOOP;
                -- Each table's counters (pg_stat_get_live_tuples(oid), …) and sizes.
                FOR item IN SELECT p.oid::regprocedure AS signature FROM pg_proc p
                            WHERE p.pronamespace = 'pg_catalog'::regnamespace
                              AND ((p.proname LIKE 'pg\\_stat\\_get\\_%' AND p.proname NOT LIKE 'pg\\_stat\\_get\\_db\\_%'
                                    AND p.pronargs = 1 AND p.proargtypes[0] = 'oid'::regtype)
                                   OR p.proname IN ('pg_relation_size', 'pg_total_relation_size', 'pg_table_size', 'pg_indexes_size')) LOOP
                    EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', item.signature);
                END LOOP;
            END
            $closure$
            """)
        return true
    }
}
