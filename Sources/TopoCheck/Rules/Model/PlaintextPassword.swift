import TopoSource
import TopoModel

/// A keystore password written into the topology itself.
public struct PlaintextPassword: ModelRule {
    public static let descriptor = RuleDescriptor(
        id: "plaintext-password", severity: .warning,
        summary: "A keystore password is written literally in the topology file.",
        documentation: """
            Topology files are meant to be kept in version control and shared \
            with colleagues; a password written in one spreads with every copy. \
            Name where the password comes from instead: an environment variable \
            or a file readable by its owner only. maestro-topo never prints a \
            password (it shows `********`); only `bundle` reads it, to write it \
            into each server's `ssl.ini`.

            ```yaml
            component_ssl:
              keystore_password: s3cret!          # warned
              # keystore_password: {env: MAESTRO_KEYSTORE_PASSWORD}
              # keystore_password: {file: /root/maestro-keystore.pw}
            ```

            Fix: use `{env: NAME}` or `{file: PATH}`.
            """)

    public static func check(_ context: RuleContext, into sink: inout FindingSink) {
        if let shared = context.topology.componentSSL?.keystorePassword { report(shared, host: nil, into: &sink) }
        for host in context.topology.hosts {
            if let own = host.ssl?.keystorePassword { report(own, host: host.name.value, into: &sink) }
        }
    }

    private static func report(_ source: Located<SecretSource>, host: String?, into sink: inout FindingSink) {
        guard case .literal = source.value else { return }
        sink.emit(
            Self.self, "the keystore password is written in the file; name its source instead",
            at: source.location, host: host,
            notes: ["write {env: MAESTRO_KEYSTORE_PASSWORD} or {file: /path/readable/by/owner/only}"])
    }
}
