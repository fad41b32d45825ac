/// The ordered steps for one Maestro server, ending with the log lines that
/// prove the change worked.
enum Checklist {
    static func sslLogLine(_ component: Component) -> String {
        "\(component.rawValue): Initializing Secure Sockets Layer (SSL) for component communication"
    }

    static func steps(for plan: ServerPlan, host: ResolvedHost) -> [String] {
        var steps: [String] = []
        let components = host.maestroComponents.map(\.rawValue).joined(separator: ", ")
        if !plan.firewall.isEmpty {
            let rules = plan.firewall.map { "\($0.port)/tcp from \($0.from.joined(separator: ", "))" }
            steps.append("Allow inbound " + rules.joined(separator: "; ") + ".")
        }
        steps.append(
            "Check that \(components) on this host use internal communications port \(host.internalPort.value) and Tracker communications port \(host.trackerPort.value).")
        if let certificate = plan.certificate, let ini = plan.sslIni {
            steps.append(
                "Create the keystore \(certificate.keystore) with a new RSA key pair for \(certificate.subject) under alias '\(certificate.alias)' (keytool -genkeypair).")
            steps.append(
                "Create a certificate signing request from that key (keytool -certreq) and have '\(certificate.ca)' sign it.")
            let roots = plan.trustedRoots.map { "'\($0)'" }.joined(separator: ", ")
            steps.append(
                "Import the root certificate of \(roots) into the keystore, then the signed certificate under the same alias '\(certificate.alias)' (keytool -importcert).")
            steps.append(
                "Write \(ini.path) with SSLAllowedClients, SSLKeystorePath and SSLKeystorePassword; make it readable by the account running Maestro only.")
            steps.append(
                "Once every Maestro server has its certificate and ssl.ini, restart \(components) on this host (all servers restart in the same window).")
            steps.append(
                "Check each component's log for its SSL line: "
                    + plan.expectedLogLines.map { "'\($0)'" }.joined(separator: ", ") + ".")
        } else {
            steps.append("Restart \(components) on this host if ports or firewall rules changed.")
            steps.append(
                "Check each component's log: component SSL is off, so no 'Initializing Secure Sockets Layer (SSL) for component communication' line is expected.")
        }
        return steps
    }
}
