import TopoModel

/// The runbook's words for moving and migrating the system database.
enum DatabaseText {
    /// What moves, for the consequences' data-move list.
    static func moveItem(_ change: DatabaseChange) -> String {
        if change.changesEngine {
            return "migrate the data from \(change.engineBefore.displayName) to \(change.engineAfter.displayName) with L-Soft's procedure for changing the system database, not by export and import"
        }
        if change.engineBefore == .internal, change.engineAfter == .internal {
            return "stop the internal MySQL on both hosts, delete its data folder on the new host, then copy the old one in"
        }
        return "export the contents with \(change.engineBefore.product.displayName)'s own tools and import them into \(change.engineAfter.displayName) on \(change.to)"
    }

    /// Before the window, on the database's new host (or for its new engine).
    static func prepare(_ change: DatabaseChange, on host: ResolvedHost) -> String {
        if change.engineAfter == .internal {
            return "Set up Maestro's internal MySQL on \(host.name) with Maestro's installer and keep it stopped: the system database moves into it in the window."
        }
        return "Install \(change.engineAfter.displayName) on \(host.name) for Maestro's system database (an empty database and a login for Maestro, on port \(change.portAfter)); the data moves in the window."
    }

    /// In the window, while LUI is stopped: each step on the host it runs
    /// on. `mayBeRename`: the new host could be the old machine under a new
    /// name.
    static func window(_ change: DatabaseChange, mayBeRename: Bool) -> [(host: String, action: String)] {
        if change.onlyPortChanges {
            let file = change.engineAfter == .internal ? " (for Maestro's internal MySQL, its my.ini)" : ""
            return [(change.to, "Make \(change.engineAfter.displayName) on \(change.to) listen on port \(change.portAfter) instead of \(change.portBefore) in its own configuration\(file), and restart it.")]
        }
        var steps: [(host: String, action: String)] = []
        let retire = (change.from, "Stop the database on \(change.from) and keep it from starting again: it must not be used any more.")
        if change.changesEngine {
            let place = change.changesHost
                ? "from \(change.engineBefore.displayName) on \(change.from) to \(change.engineAfter.displayName) on \(change.to)"
                : "on \(change.to) from \(change.engineBefore.displayName) to \(change.engineAfter.displayName)"
            steps.append((change.to, "Migrate the system database \(place) with L-Soft's procedure for changing the system database's engine: data does not move between two engines by one engine's export and the other's import."))
            if change.changesHost { steps.append(retire) }
            return steps
        }
        let skip = mayBeRename
            ? " (\(change.to) is taken to be another machine than \(change.from); if it is the same machine under a new name, skip this step and the two after it: only the database connection changes.)"
            : ""
        if change.engineBefore == .internal, change.engineAfter == .internal {
            steps.append((change.from, "Stop Maestro's internal MySQL on \(change.from) and keep it from starting again: it must not be used any more.\(skip)"))
            steps.append((change.to, "Stop Maestro's internal MySQL on \(change.to), delete its data folder, then copy the data folder of \(change.from) in (never copy over it)."))
            return steps
        }
        let tools = change.engineBefore.product.displayName
        steps.append((change.from, "Export Maestro's system database on \(change.from) with \(tools)'s own tools (a complete dump).\(skip)"))
        steps.append((change.to, "Import that export into \(change.engineAfter.displayName) on \(change.to)."))
        if change.changesHost {
            steps.append(retire)
        } else if change.engineBefore == .internal {
            steps.append((change.from, "Keep Maestro's internal MySQL on \(change.from) from starting again: LUI uses \(change.engineAfter.displayName) from now on."))
        }
        return steps
    }

    /// In the window, on the HUB's current host, just before LUI stops:
    /// LUI's connection lives in the HUB's global component settings, and
    /// LUI reads it only at start, so LUI never runs without its database.
    static func connection(_ change: DatabaseChange) -> String {
        "In the HUB's Global Component Settings for LUI, set LUI's system database connection to \(change.engineAfter.displayName) on \(change.to), port \(change.portAfter)"
            + (change.changesEngine ? ", with the JDBC driver for \(change.engineAfter.displayName) (the engine changes)" : "")
            + ". LUI keeps its current connection until it restarts, so set it now, right before LUI stops: its next start uses the new one."
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

    /// How a path under `folder` is written in an INI file on that system,
    /// with the HUB's backup folder as the example.
    static func iniPathAdvice(_ os: OperatingSystem, folder: String) -> String {
        let example = PathStyle.join(folder, "hub", "backup", os: os)
        switch os {
        case .windows:
            return "a backslash escapes in an INI file, so write \(JavaProperties.escape(example)) or \(String(example.map { $0 == "\\" ? "/" : $0 }))"
        case .linux:
            return "no drive letters or backslashes: \(example)"
        }
    }
}
