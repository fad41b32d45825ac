/// The runbook's words for moving and migrating the system database.
enum DatabaseText {
    /// What moves, for the consequences' data-move list.
    static func moveItem(_ change: DatabaseChange) -> String {
        if change.changesEngine {
            return "migrate the data from \(change.engineBefore.displayName) to \(change.engineAfter.displayName) with L-Soft's procedure for changing the system database, not by export and import"
        }
        return change.engineAfter == .internal
            ? "stop the internal MySQL on both hosts, delete its data folder on the new host, then copy the old one in"
            : "export the contents with \(change.engineAfter.displayName)'s own tools and import them on the new host"
    }

    /// Before the window, on the database's new host (or for its new engine).
    static func prepare(_ change: DatabaseChange, on host: ResolvedHost) -> String {
        if change.engineAfter == .internal {
            return "Set up Maestro's internal MySQL on \(host.name) with Maestro's installer and keep it stopped: the system database moves into it in the window."
        }
        return "Install \(change.engineAfter.displayName) on \(host.name) for Maestro's system database (an empty database and a login for Maestro, on port \(change.portAfter)); the data moves in the window."
    }

    /// In the window, on the database's new host. `mayBeRename`: the new
    /// host could be the old machine under a new name.
    static func move(_ change: DatabaseChange, mayBeRename: Bool) -> String {
        var action: String
        if change.changesEngine {
            let place = change.changesHost
                ? "from \(change.engineBefore.displayName) on \(change.from) to \(change.engineAfter.displayName) on \(change.to)"
                : "on \(change.to) from \(change.engineBefore.displayName) to \(change.engineAfter.displayName)"
            action = "Migrate the system database \(place) with L-Soft's procedure for changing the system database's engine: data does not move between two engines by one engine's export and the other's import."
        } else if change.engineAfter == .internal {
            action = "Move the system database from \(change.from) to \(change.to): stop the internal MySQL on both hosts, delete its data folder on \(change.to), then copy the one of \(change.from) in (never copy over it)."
        } else {
            action = "Move the system database from \(change.from) to \(change.to): export it on \(change.from) with \(change.engineAfter.displayName)'s own tools and import it on \(change.to)."
        }
        if change.changesHost {
            action += " Then stop the database on \(change.from): it must not be used again."
            if mayBeRename {
                action += " (\(change.to) is taken to be another machine than \(change.from); if it is the same machine under a new name, skip this step: only the database connection changes.)"
            }
        }
        return action
    }

    /// After the HUB starts, on the HUB's host: LUI's connection lives in
    /// the HUB's global component settings.
    static func connection(_ change: DatabaseChange) -> String {
        "In the HUB's Global Component Settings for LUI, point LUI's system database connection at \(change.engineAfter.displayName) on \(change.to), port \(change.portAfter)"
            + (change.changesEngine ? ", and select the JDBC driver for \(change.engineAfter.displayName) (the engine changes)." : ".")
    }
}

/// The runbook's words for a component that changes operating system.
enum OSChangeText {
    static func name(_ os: OperatingSystem) -> String {
        switch os {
        case .linux: "Linux"
        case .windows: "Windows"
        }
    }

    /// The INI file that moves with a component.
    static func iniFile(_ component: Component) -> String? {
        switch component {
        case .lui: "lui/lui.ini"
        case .hub: "hub/hub.ini"
        case .trk: "trk/tracker.ini"
        case .database, .listserv: nil
        }
    }

    /// How a path is written in an INI file on that system.
    static func iniPathAdvice(_ os: OperatingSystem) -> String {
        switch os {
        case .windows: #"a backslash escapes in an INI file, so write C:\\Maestro\\backup or C:/Maestro/backup"#
        case .linux: "no drive letters or backslashes: /opt/lsoft/maestro/backup"
        }
    }
}
