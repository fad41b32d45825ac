import TopoPlan

/// `plan` for people: one block per server, in the order of work within it.
public struct PlanTextRenderer: Sendable {
    public var style: TextStyle

    public init(style: TextStyle) { self.style = style }

    public func render(_ plan: Plan) -> String {
        var out = style.bold("Installation \(plan.installation)")
        if let version = plan.maestroVersion { out += " (Maestro \(version))" }
        out += "\n"
        out += "  \(Self.plural(plan.servers.count, "Maestro server")), \(Self.plural(plan.external.count, "external host")); "
        out += "component SSL \(plan.componentSSL ? "on" : "off"); tracker link \(plan.trackerDirection.rawValue)\n"
        for server in plan.servers {
            out += "\n"
            out += render(server)
        }
        for host in plan.external {
            out += "\n"
            render(host, into: &out)
        }
        return out
    }

    func render(_ server: ServerPlan) -> String {
        var out = style.bold("== \(server.host)") + "  Maestro server (\(server.os.rawValue)): "
        out += server.components.map(\.rawValue).joined(separator: ", ") + "\n"
        out += "   install folder  \(server.installFolder)\n"
        out += section("Listens on", server.listens.map { listen in
            ["\(listen.port)/tcp", "from \(listen.from.joined(separator: ", "))", listen.purpose]
        })
        out += section("Connects to", server.connects.map { connection in
            ["\(connection.host):\(connection.port)", connection.purpose]
        })
        out += firewall(server.firewall)
        if let certificate = server.certificate {
            out += section("Certificate", [
                ["subject", certificate.subject], ["keystore", certificate.keystore],
                ["alias", certificate.alias], ["signed by", certificate.ca],
                ["trust roots", server.trustedRoots.joined(separator: "; ")],
                ["trusted in", certificate.trustedRootKeystore],
            ])
        }
        if let ini = server.sslIni {
            out += "   ssl.ini  \(ini.path)  (password: \(ini.password.description))\n"
            for line in ini.entries() { out += "     \(line)\n" }
        }
        out += "   Checklist\n"
        for (i, step) in server.checklist.enumerated() {
            out += "     \(i + 1). \(step)\n"
        }
        if !server.expectedLogLines.isEmpty {
            out += "   Expected log lines\n"
            for line in server.expectedLogLines { out += "     \(line)\n" }
        }
        return out
    }

    func render(_ host: ExternalHostPlan) -> String {
        var out = ""
        render(host, into: &out)
        return out
    }

    /// Appends to `out`: a file of many external hosts is one long string,
    /// not one per host joined later.
    func render(_ host: ExternalHostPlan, into out: inout String) {
        out += style.bold("== \(host.host)")
        out += "  external host ("
        out += host.os.rawValue
        out += "): "
        out += host.components.map(\.rawValue).joined(separator: ", ")
        out += "; no ssl.ini\n"
        out += section("Listens on", host.listens.map { listen in
            ["\(listen.port)/tcp", "from \(listen.from.joined(separator: ", "))", listen.purpose]
        })
        out += firewall(host.firewall)
    }

    private func firewall(_ rules: [FirewallRule]) -> String {
        guard !rules.isEmpty else { return "   Firewall (inbound)\n     nothing to open\n" }
        return section("Firewall (inbound)", rules.map { rule in
            ["allow \(rule.port)/tcp", "from \(rule.from.joined(separator: ", "))"]
        })
    }

    /// A titled table whose columns are padded to their widest cell.
    private func section(_ title: String, _ rows: [[String]]) -> String {
        guard !rows.isEmpty else { return "" }
        var widths: [Int] = []
        for row in rows {
            for (i, cell) in row.enumerated().dropLast() {
                if widths.count <= i { widths.append(0) }
                widths[i] = max(widths[i], cell.width)
            }
        }
        var out = "   \(title)\n"
        for row in rows {
            var line = "    "
            for (i, cell) in row.enumerated() {
                line += " "
                line += i < row.count - 1 ? cell.padding(to: widths[i]) : cell
            }
            out += line.trimmingTrailingSpaces + "\n"
        }
        return out
    }

    static func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
}

extension String {
    /// Characters, as a column counts them; ASCII text (nearly every cell)
    /// without breaking it into grapheme clusters.
    var width: Int {
        var copy = self
        return copy.withUTF8 { bytes in bytes.allSatisfy { $0 < 0x80 } } ? utf8.count : count
    }

    func padding(to width: Int) -> String {
        let own = self.width
        return own >= width ? self : self + String(repeating: " ", count: width - own)
    }

    var trimmingTrailingSpaces: String {
        guard utf8.last == UInt8(ascii: " ") else { return self }
        var copy = self
        while copy.utf8.last == UInt8(ascii: " ") { copy.removeLast() }
        return copy
    }
}
