import TopoBundle
import TopoCheck
import TopoModel
import TopoPlan
import TopoSource
import TopoSystem

extension VerifyRun {
    static let sslIniKeys = ["SSLAllowedClients", "SSLKeystorePath", "SSLKeystorePassword"]

    /// `ssl.ini` present exactly where SSL is planned, read the way Java
    /// reads it, its keys and values against the plan, its permissions.
    func checkSSLIni() {
        let serverPath = host.sslIniPath
        guard let local = paths.local(serverPath) else { return }  // always inside the install folder
        let exists = FileSystem.kind(of: local) != .missing
        switch (sslPlanned, exists) {
        case (true, false):
            ledger.failed(
                SSLIniMissing.self, "\(shown(local, server: serverPath)) is missing, but component SSL is planned on for '\(host.name)'",
                at: sslLocation, in: .topology,
                notes: ["copy hosts/\(host.name)/commands/ssl.ini from the bundle to \(serverPath), then restart every Maestro server together"])
            return
        case (false, false):
            ledger.ok(SSLIniMissing.self, "no ssl.ini, as planned (component SSL off)")
            ledger.ok(SSLIniUnexpected.self, "no ssl.ini, as planned (component SSL off)")
            return
        case (true, true):
            ledger.ok(SSLIniMissing.self, "\(local) exists")
        case (false, true):
            break
        }
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.read(local, limit: 1 << 20)
        } catch {
            ledger.failed(SSLIniSyntax.self, "ssl.ini cannot be read: \(error.description)", at: sslLocation, in: .topology)
            return
        }
        let properties = PropertiesFile(bytes: bytes)
        let source = SourceFile(path: local, bytes: Self.utf8(latin1: bytes), secrets: Self.passwordSpans(properties))
        sslIni = (source, properties)
        checkPermissions(of: local, what: "ssl.ini, which holds the keystore password,", place: .sslIni, at: .start)
        guard sslPlanned else {
            ledger.failed(
                SSLIniUnexpected.self, "ssl.ini exists, but component SSL is planned off for '\(host.name)'",
                at: .start, in: .sslIni,
                notes: ["with SSL on here and off on the other servers the components cannot reach each other; remove \(serverPath) and restart, or plan SSL on"])
            return
        }
        ledger.ok(SSLIniUnexpected.self, "ssl.ini present, SSL planned on")
        if let problem = properties.problems.first {
            ledger.failed(
                SSLIniSyntax.self, problem.message, at: SourceLocation(line: problem.line, column: problem.column),
                in: .sslIni, notes: ["Java stops reading the file here, so Maestro gets none of the settings after it"])
        } else {
            ledger.ok(SSLIniSyntax.self, "read as java.util.Properties reads it")
        }
        checkKeys(properties)
        checkValues(properties)
    }

    /// The last entry of each key: the one Java keeps.
    func value(of key: String) -> PropertiesFile.Entry? {
        sslIni?.properties.entries.last { $0.key == key }
    }

    private func checkKeys(_ properties: PropertiesFile) {
        var seen: [String: PropertiesFile.Entry] = [:]
        var clean = true
        for entry in properties.entries {
            let at = SourceLocation(line: entry.keyLine, column: entry.keyColumn)
            if !Self.sslIniKeys.contains(entry.key) {
                clean = false
                let suggestion = Suggestion.nearest(to: entry.key, in: Self.sslIniKeys)
                ledger.failed(
                    SSLIniKeys.self, "unknown key '\(entry.key.withVisibleControls)': Maestro reads only SSLAllowedClients, SSLKeystorePath and SSLKeystorePassword",
                    at: at, in: .sslIni, notes: suggestion.map { ["did you mean '\($0)'? keys are case-sensitive"] } ?? [])
            } else if let first = seen[entry.key] {
                clean = false
                ledger.failed(
                    SSLIniKeys.self, "'\(entry.key)' is set again (first on line \(first.keyLine)); Java keeps this value and ignores the first",
                    at: at, in: .sslIni, notes: ["keep one \(entry.key) line"])
            }
            seen[entry.key] = seen[entry.key] ?? entry
        }
        for key in Self.sslIniKeys where seen[key] == nil {
            clean = false
            ledger.failed(SSLIniKeys.self, "ssl.ini has no \(key)", at: .start, in: .sslIni,
                          notes: ["the bundle's hosts/\(host.name)/commands/ssl.ini has all three keys"])
        }
        if clean { ledger.ok(SSLIniKeys.self, "exactly the three keys, once each") }
    }

    private func checkValues(_ properties: PropertiesFile) {
        guard let planned = plan.sslIni else { return }
        if let entry = value(of: "SSLAllowedClients") { checkAllowedClients(entry, planned: planned.allowedClients) }
        if let entry = value(of: "SSLKeystorePath") { checkKeystorePath(entry, planned: planned.keystorePath) }
        if let entry = value(of: "SSLKeystorePassword") { checkPassword(entry) }
    }

    private func checkAllowedClients(_ entry: PropertiesFile.Entry, planned: [String]) {
        let at = SourceLocation(line: entry.valueLine, column: entry.valueColumn)
        let items = entry.value.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        var problems: [String] = []
        let spaced = items.filter { $0 != $0.trimmingSpaces }
        if !spaced.isEmpty {
            problems.append("spaces around \(Self.list(spaced.map { $0.trimmingSpaces }))")
        }
        if items.contains(where: { $0.trimmingSpaces.isEmpty }) { problems.append("an empty name") }
        let found = Set(items), wanted = Set(planned)
        let missing = planned.filter { !found.contains($0) && !spaced.map(\.trimmingSpaces).contains($0) }
        let extra = items.filter { !wanted.contains($0.trimmingSpaces) && !$0.trimmingSpaces.isEmpty }
        if !missing.isEmpty { problems.append("missing \(Self.list(missing))") }
        if !extra.isEmpty { problems.append("not in the plan: \(Self.list(extra.map(\.trimmingSpaces)))") }
        guard !problems.isEmpty else {
            ledger.ok(SSLIniDrift.self, "SSLAllowedClients names the planned \(planned.count) servers")
            return
        }
        ledger.failed(
            SSLIniDrift.self, "SSLAllowedClients differs from the plan: \(problems.joined(separator: "; "))",
            at: at, in: .sslIni,
            notes: ["write: \(JavaProperties.entry("SSLAllowedClients", planned.joined(separator: ",")))",
                    "the names must be exactly those of the servers' certificates, without spaces"])
    }

    private func checkKeystorePath(_ entry: PropertiesFile.Entry, planned: String) {
        let at = SourceLocation(line: entry.valueLine, column: entry.valueColumn)
        let line = JavaProperties.entry("SSLKeystorePath", planned)
        if entry.droppedBackslashes > 0 {
            ledger.failed(
                SSLIniBackslash.self,
                "Java reads SSLKeystorePath as '\(entry.value.withVisibleControls)': a single backslash escapes the character after it and is dropped",
                at: at, in: .sslIni, notes: ["write: \(line)"])
            return
        }
        ledger.ok(SSLIniBackslash.self, "no backslash lost in SSLKeystorePath")
        guard entry.value == planned else {
            ledger.failed(
                SSLIniDrift.self, "SSLKeystorePath is '\(entry.value.withVisibleControls)', the plan says '\(planned)'",
                at: at, in: .sslIni, notes: ["write: \(line)"])
            return
        }
        ledger.ok(SSLIniDrift.self, "SSLKeystorePath is the planned keystore")
    }

    private func checkPassword(_ entry: PropertiesFile.Entry) {
        guard let source = host.ssl.password?.value else { return }
        guard let secrets else {
            ledger.skipped(SSLIniDrift.self, "the password was not compared: the topology's password source was not read")
            return
        }
        let planned: ResolvedSecret
        do {
            planned = try secrets.resolve(source, host: host.name)
        } catch {
            // The reason alone: bundle's advice (a placeholder) is no help here.
            let reason: String
            if case let .missingSecret(message) = error { reason = message } else { reason = error.description }
            ledger.skipped(SSLIniDrift.self, "the password was not compared: \(reason.withVisibleControls)")
            return
        }
        defer { planned.bytes.wipe() }
        let written = Array(entry.value.utf8)
        let same = planned.bytes.withBytes { $0.elementsEqual(written) }
        if same {
            ledger.ok(SSLIniDrift.self, "SSLKeystorePassword is the topology's password")
        } else {
            ledger.failed(
                SSLIniDrift.self, "SSLKeystorePassword is not the password the topology names (\(source.description))",
                at: SourceLocation(line: entry.valueLine, column: entry.valueColumn), in: .sslIni,
                notes: ["neither password is shown; write the bundle's ssl.ini again, or correct the topology's source"])
        }
    }

    /// The password's value, masked wherever a finding shows its line.
    static func passwordSpans(_ properties: PropertiesFile) -> [SourceSpan] {
        properties.entries.filter { $0.key == "SSLKeystorePassword" }.map { entry in
            let lastLine = entry.valueLine + entry.written.split(separator: "\n", omittingEmptySubsequences: false).count - 1
            return SourceSpan(
                start: SourceLocation(line: entry.valueLine, column: entry.valueColumn),
                end: SourceLocation(line: lastLine, column: Int.max / 2))
        }
    }

    /// ssl.ini's bytes are ISO-8859-1, one character each; the source lines
    /// a finding shows are UTF-8, so columns count the same characters.
    static func utf8(latin1 bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(where: { $0 >= 0x80 }) else { return bytes }
        var text = ""
        text.unicodeScalars.append(contentsOf: bytes.map { Unicode.Scalar($0) })
        return Array(text.utf8)
    }

    static func list(_ names: [String]) -> String {
        names.map { "'\($0.withVisibleControls)'" }.joined(separator: ", ")
    }

    /// Who besides the owner may do what, in words: "every user read it".
    static func access(_ mode: UInt32) -> String {
        func rights(_ bits: UInt32) -> String {
            [(0o4, "read"), (0o2, "write"), (0o1, "open")].filter { bits & $0.0 != 0 }.map(\.1).joined(separator: " and ")
        }
        let group = (mode >> 3) & 0o7, others = mode & 0o7
        if group == others { return "its group and every user \(rights(group)) it" }
        var parts: [String] = []
        if group != 0 { parts.append("its group \(rights(group))") }
        if others != 0 { parts.append("every user \(rights(others))") }
        return parts.joined(separator: " and ") + " it"
    }

    /// Modes and owner of a file holding secrets (Linux servers only).
    func checkPermissions(of local: String, what: String, place: VerifyLedger.Place, at location: SourceLocation) {
        guard host.os.value == .linux else {
            ledger.skipped(FilePermissions.self, "a Windows server: file modes are not checked")
            return
        }
        guard let file = FileSystem.status(of: local) else { return }
        var problems: [String] = []
        if file.mode & 0o077 != 0 {
            problems.append("mode \(String(file.mode & 0o777, radix: 8)) lets \(Self.access(file.mode))")
        }
        if let folder = FileSystem.status(of: installFolder), folder.owner != file.owner {
            problems.append("it is owned by user \(file.owner), the install folder by user \(folder.owner)")
        }
        guard problems.isEmpty else {
            ledger.failed(
                FilePermissions.self, "\(what) is not private to its owner: \(problems.joined(separator: "; "))",
                at: location, in: place, notes: ["chmod 600 '\(local)' and give it to the user Maestro runs as"])
            return
        }
        ledger.ok(FilePermissions.self, "\(local): mode \(String(file.mode & 0o777, radix: 8))")
    }
}
