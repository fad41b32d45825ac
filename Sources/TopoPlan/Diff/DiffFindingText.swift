// The words of the findings `diff` reports: each rule's type and
// descriptor live with the other rules (TopoCheck, Rules/Diff), its
// message and notes here, beside what they are about.

enum ComponentMoveText {
    static func message(_ move: DataMove) -> String {
        "\(move.component.rawValue) moves from '\(move.from)' to '\(move.to)'"
    }

    static func notes(_ move: DataMove) -> [String] {
        let name = move.component.rawValue
        switch move.component {
        case .database:
            return [
                "move: " + move.items.joined(separator: ", "),
                "LUI gets the new database connection in the HUB's global component settings, then restarts",
                "never use the database on '\(move.from)' again",
            ]
        case .listserv:
            return [
                "move: " + move.items.joined(separator: ", "),
                "point Maestro's LISTSERV connection settings at '\(move.to)'; keep LISTSERV on '\(move.from)' from starting again",
            ]
        case .lui, .hub, .trk:
            return [
                "move: " + move.items.joined(separator: ", ") + " (delete on '\(move.to)' first, then copy)",
                "never run \(name) on both hosts; keep it from starting again on '\(move.from)'",
            ]
        }
    }
}

enum DatabaseMigrationText {
    static func message(_ change: DatabaseChange) -> String {
        "the system database changes engine from \(change.engineBefore.displayName) to \(change.engineAfter.displayName): a migration between engines, not a copy"
    }

    static func notes(_ change: DatabaseChange) -> [String] {
        [
            "follow L-Soft's procedure for changing the system database; export and import tools of one engine do not carry the data into another",
            "set LUI's database connection and the JDBC driver for \(change.engineAfter.displayName) in the HUB's global component settings right before LUI stops; its next start uses them",
            "rehearse the migration on a copy before the maintenance window",
        ]
    }
}

enum OSChangeRuleText {
    static func message(_ changes: [OSChange]) -> String {
        let first = changes[0]
        let names = changes.map(\.component.rawValue).quotedAnd
        return "\(names) \(changes.count == 1 ? "moves" : "move") from \(OSChangeText.name(first.osBefore)) ('\(first.from)') to \(OSChangeText.name(first.osAfter)) ('\(first.to)'); every path in \(changes.count == 1 ? "its" : "their") configuration changes"
    }

    static func notes(_ changes: [OSChange], folder: String) -> [String] {
        let os = changes[0].osAfter
        let files = changes.compactMap { OSChangeText.iniFile($0.component) }.joined(separator: ", ")
        return [
            "edit every path entry of the copied \(files) for \(OSChangeText.name(os)): \(OSChangeText.iniPathAdvice(os, folder: folder))",
            "do not copy ssl.ini: the plan's is written for \(OSChangeText.name(os)) (\(os == .windows ? "CRLF line ends, a Windows keystore path" : "LF line ends, a Linux keystore path"))",
            "after the restart, check the HUB's path settings: backup folders and upload restrictions",
        ]
    }
}

enum TrackerMovedText {
    static func message(from: String, to: String) -> String {
        "the Tracker moves from '\(from)' to '\(to)'; tracking links in mail already sent point at '\(from)'"
    }
}

enum SSLSwitchText {
    static func notes(on: Bool) -> [String] {
        on
            ? ["obtain every certificate before the maintenance window; restart all servers in one window"]
            : ["delete every ssl.ini in one maintenance window and restart all servers together",
               "the certificates are no longer used: retire them after the restart"]
    }

    static func message(on: Bool, servers: [String]) -> String {
        "component SSL is switched \(on ? "on" : "off"): \(servers.quotedList) must \(on ? "get certificates and ssl.ini" : "lose their ssl.ini") and restart together"
    }
}
