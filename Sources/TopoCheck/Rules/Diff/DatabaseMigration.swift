/// `diff`: the system database changes engine.
public struct DatabaseMigration: DiffRule {
    public static let descriptor = RuleDescriptor(
        id: "database-migration", severity: .warning,
        summary: "`diff`: the system database changes engine (internal MySQL to Microsoft SQL Server, say): a migration, not a copy.",
        documentation: """
            Moving the system database to another host with the same engine \
            is a copy: export and import with the engine's own tools, or, for \
            Maestro's internal MySQL, its data folder. Maestro's internal \
            database is a MySQL server, so leaving it for an external MySQL \
            is a copy too. Changing the engine is \
            a migration between two database products, which their export \
            and import tools do not do for each other. Follow L-Soft's \
            procedure for changing Maestro's system database.

            LUI connects to the system database, and "the Maestro User \
            Interface actually needs to be restarted if a new database \
            connection is to be used": the connection and the JDBC driver for \
            the new engine are set in the HUB's global component settings \
            right before LUI stops, so that its next start uses them.

            Reported by `maestro-topo diff` at the `engine` of the target's \
            database host.

            ```yaml
            # current: DATABASE with engine internal; target:
            hosts:
              db.acme.example:
                components: [DATABASE]
                database: {engine: mssql}
            ```

            Fix: nothing to fix; plan the migration with L-Soft's procedure \
            and test it on a copy first.
            """)
}
