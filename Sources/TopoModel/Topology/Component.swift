/// What can run on a host. LUI, HUB and TRK are Maestro's own components; a
/// host running any of them is a Maestro server. DATABASE and LISTSERV are
/// external: their hosts get no `ssl.ini`.
public enum Component: String, CaseIterable, Sendable, Comparable {
    case lui = "LUI"
    case hub = "HUB"
    case trk = "TRK"
    case database = "DATABASE"
    case listserv = "LISTSERV"

    public var isMaestro: Bool { self == .lui || self == .hub || self == .trk }

    /// The name the product uses in logs and manuals.
    public var longName: String {
        switch self {
        case .lui: "Maestro User Interface"
        case .hub: "Administration Hub"
        case .trk: "Maestro Tracker"
        case .database: "system database"
        case .listserv: "LISTSERV"
        }
    }

    /// The component's folder under the install folder.
    public var folder: String? {
        switch self {
        case .lui: "lui"
        case .hub: "hub"
        case .trk: "trk"
        case .database, .listserv: nil
        }
    }

    /// Declaration order: LUI, HUB, TRK, DATABASE, LISTSERV.
    var rank: Int {
        switch self {
        case .lui: 0
        case .hub: 1
        case .trk: 2
        case .database: 3
        case .listserv: 4
        }
    }

    public static func < (lhs: Component, rhs: Component) -> Bool { lhs.rank < rhs.rank }
}

public enum OperatingSystem: String, CaseIterable, Sendable {
    case linux
    case windows

    /// Where Maestro goes when a topology names no install folder. The
    /// manuals use the placeholder `[maestro_install_folder]`; these are our
    /// defaults, documented in docs/format.md.
    public var defaultInstallFolder: String {
        switch self {
        case .linux: "/opt/lsoft/maestro"
        case .windows: #"C:\Program Files\L-Soft\Maestro"#
        }
    }

}

public enum Profile: String, CaseIterable, Sendable {
    case standard
    case highVolume = "high-volume"
}

/// The system database's engine. `internal` is the MySQL that Maestro can
/// install itself.
public enum DatabaseEngine: String, CaseIterable, Sendable {
    case `internal`
    case mysql
    case mssql
    case oracle
    case db2
    case postgresql

    /// The engine as an administrator names it.
    public var displayName: String {
        switch self {
        case .internal: "Maestro's internal MySQL"
        case .mysql: "MySQL"
        case .mssql: "Microsoft SQL Server"
        case .oracle: "Oracle"
        case .db2: "IBM Db2"
        case .postgresql: "PostgreSQL"
        }
    }

    /// The database product behind the engine: Maestro's internal
    /// database is a MySQL server, so data moves between it and an external
    /// MySQL with MySQL's own tools and the JDBC driver stays.
    public var product: DatabaseEngine { self == .internal ? .mysql : self }

    public var defaultPort: Int {
        switch self {
        case .internal, .mysql: 3306
        case .mssql: 1433
        case .oracle: 1521
        case .db2: 50000
        case .postgresql: 5432
        }
    }
}

/// Who opens the socket on the Tracker communications port. The manuals do
/// not say; see ConnectionModel.swift for the default and why.
public enum TrackerDirection: String, CaseIterable, Sendable {
    case luiToTrk = "lui-to-trk"
    case trkToLui = "trk-to-lui"
    case both
}
