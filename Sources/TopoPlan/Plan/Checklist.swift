import TopoModel

/// The ordered steps for one Maestro server, ending with the log lines that
/// prove the change worked. With component SSL on they follow the vendor's
/// order: the trusted-root keystore first (step 2.2.1), then the server
/// certificate, then `ssl.ini`, then the restart of every server.
public enum Checklist {
    public static func sslLogLine(_ component: Component) -> String {
        "\(component.rawValue): Initializing Secure Sockets Layer (SSL) for component communication"
    }

    static func steps(for plan: ServerPlan, host: ResolvedHost) -> [String] {
        var steps: [String] = []
        let maestro = host.maestroComponents
        let components = maestro.map(\.rawValue).quotedAnd
        if !plan.firewall.isEmpty {
            let rules = plan.firewall.map { "\($0.port)/tcp from \($0.from.joined(separator: ", "))" }
            steps.append("Allow inbound " + rules.joined(separator: "; ") + ".")
        }
        steps.append(
            "Check that \(components) on this host \(maestro.count == 1 ? "uses" : "use") internal communications port \(host.internalPort.value) and Tracker communications port \(host.trackerPort.value).")
        if let certificate = plan.certificate, let ini = plan.sslIni {
            steps.append(PlanText.trustStep(certificate, roots: plan.trustedRoots, os: plan.os))
            steps.append(
                "Create the keystore \(certificate.keystore) with a new RSA key pair for \(certificate.subject) (subjectAltName DNS:\(certificate.hostName)) under alias '\(certificate.alias)' (keytool -genkeypair; \(PlanText.certificateScript(plan.os)) request).")
            steps.append(
                "Create a certificate signing request from that key (keytool -certreq) and have '\(certificate.ca)' sign it.")
            let roots = plan.trustedRoots.map { "'\($0)'" }.joined(separator: ", ")
            steps.append(
                "Import the root certificate of \(roots) into the keystore, then the signed certificate under the same alias '\(certificate.alias)' (keytool -importcert; \(PlanText.certificateScript(plan.os)) install ROOT.pem SIGNED.pem).")
            steps.append(
                "Write \(ini.path) with the three lines shown under ssl.ini, then restrict it to the account running Maestro: \(PlanText.restrictSSLIni(ini.path, os: plan.os))")
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
