import TopoCheck
import TopoModel
import TopoPlan
import TopoSource
import TopoSystem

extension VerifyRun {
    /// The words every component's log shows when it starts with component
    /// SSL (the line begins with the component's name).
    static let sslLogPhrase = "Initializing Secure Sockets Layer (SSL) for component communication"

    /// Each Maestro component's newest log: the SSL line there exactly when
    /// SSL is planned. Where the logs lie and what they are called is not
    /// documented, so the candidates are searched and the file read is named.
    func checkLogs() {
        let at = host.entry.components?.location ?? host.nameLocation
        for component in plan.components where component.isMaestro {
            let candidates = logFolders(for: component)
            guard let log = Self.newestFile(in: candidates, matching: request.logs == nil ? nil : Self.logNames(component)) else {
                ledger.skipped(
                    SSLLogLine.self,
                    "no \(component.rawValue) log found in \(candidates.map { "'\($0)'" }.joined(separator: ", ")); give --logs DIR")
                continue
            }
            guard let bytes = try? FileSystem.read(log, limit: 256 << 20) else {
                ledger.skipped(SSLLogLine.self, "the \(component.rawValue) log '\(log)' cannot be read")
                continue
            }
            let found = Self.contains(bytes, Array(Self.sslLogPhrase.utf8))
            let line = Checklist.sslLogLine(component)
            switch (sslPlanned, found) {
            case (true, true), (false, false):
                ledger.ok(SSLLogLine.self, "\(component.rawValue): \(log) \(found ? "shows" : "does not show") the SSL line")
            case (true, false):
                ledger.failed(
                    SSLLogLine.self, "the newest \(component.rawValue) log '\(log)' does not show '\(line)'",
                    at: at, in: .topology,
                    notes: ["the component has not started with component SSL since ssl.ini was written: restart it with the other servers"])
            case (false, true):
                ledger.failed(
                    SSLLogLine.self, "the newest \(component.rawValue) log '\(log)' shows '\(line)', but component SSL is planned off",
                    at: at, in: .topology,
                    notes: ["an ssl.ini was read at the last start; remove it and restart every server together, or plan SSL on"])
            }
        }
    }

    /// `--logs`, or the folders under the install folder where Maestro's
    /// component logs have been described: `HUB/log`, `hub/logs` and so on.
    func logFolders(for component: Component) -> [String] {
        if let logs = request.logs { return [logs] }
        let names = [component.rawValue.uppercased(), component.rawValue.lowercased()]
        var folders: [String] = []
        for name in names {
            for sub in ["log", "logs"] {
                let folder = installFolder + (installFolder.hasSuffix("/") ? "" : "/") + name + "/" + sub
                if !folders.contains(folder) { folders.append(folder) }
            }
        }
        return folders
    }

    /// What a component's log file names hold, for a shared `--logs` folder.
    static func logNames(_ component: Component) -> [String] {
        component == .trk ? ["trk", "tracker"] : [component.rawValue.lowercased()]
    }

    /// The most recently changed regular file in `folders` (whose name holds
    /// one of `names`, case aside, when given); ties go to the later name.
    static func newestFile(in folders: [String], matching names: [String]?) -> String? {
        var best: (path: String, modified: (Int, Int))?
        for folder in folders {
            guard let entries = try? FileSystem.typedEntries(of: folder) else { continue }
            for entry in entries {
                if let names, !names.contains(where: { entry.name.lowercased().contains($0) }) { continue }
                let path = folder + (folder.hasSuffix("/") ? "" : "/") + entry.name
                guard FileSystem.kind(of: path) == .regular, let status = FileSystem.status(of: path) else { continue }
                if best == nil || status.modified >= best!.modified { best = (path, status.modified) }
            }
        }
        return best?.path
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return needle.isEmpty }
        let first = needle[0]
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}
