import TopoModel
import TopoCheck
import TopoPlan

/// The values a bundle's scripts cannot carry exactly, found before anything
/// is written. The loader already refuses control characters in every value
/// and host names that are not RFC 1123; this looks again at the plan
/// itself, so a plan made some other way cannot slip through, and adds what
/// only the scripts care about.
public enum ScriptValues {
    /// Why `plan` cannot be written as a bundle, or nil when it can. The
    /// path named is the file that cannot be written, relative to the bundle.
    public static func problem(in plan: Plan) -> ToolError? {
        if let problem = FirewallScript.problem(in: plan) { return problem }
        for server in plan.servers where server.os == .windows {
            guard let certificate = server.certificate, server.sslIni != nil else { continue }
            if let reason = CertificateScript.cmdProblem(server, certificate) {
                return .refused(path: "hosts/\(server.host)/certificate.cmd", reason: reason)
            }
        }
        return nil
    }
}

extension CertificateScript {
    /// What `certificate.cmd` cannot hold of this server's values, in words.
    /// The characters are those `invalid-value` reports in the topology
    /// (`CmdValue`); checked again here on the plan itself. Host name,
    /// alias and subject are expanded as `%MT_HOST%` and so on, which is
    /// safe for RFC 1123 text only.
    static func cmdProblem(_ server: ServerPlan, _ certificate: CertificatePlan) -> String? {
        let paths = [
            ("install folder", server.installFolder), ("keystore path", certificate.keystore),
            ("trusted-root keystore path", certificate.trustedRootKeystore),
        ]
        for (what, value) in paths {
            if let bad = CmdValue.refusedInPath(value) {
                return "the topology's \(what) '\(value)' holds \(CmdValue.describe(bad)), which no Windows path holds and "
                    + "certificate.cmd cannot carry; correct it and run maestro-topo bundle again"
            }
        }
        if let bad = CmdValue.refusedInText(certificate.ca) {
            return "the CA name '\(certificate.ca)' holds \(CmdValue.describe(bad)), which certificate.cmd cannot carry; "
                + "write the name without it"
        }
        for (what, value) in [("host name", certificate.hostName), ("alias", certificate.alias), ("subject", certificate.subject)] {
            let name = what == "subject" && value.hasPrefix("CN=") ? String(value.dropFirst(3)) : value
            if name.isEmpty || !name.unicodeScalars.allSatisfy({ $0.isHostNameCharacter }) {
                return "the certificate's \(what) '\(value)' is not a host name, and certificate.cmd takes only host names there"
            }
        }
        return nil
    }
}

