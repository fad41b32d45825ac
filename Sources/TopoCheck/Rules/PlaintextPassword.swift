import TopoSource
import TopoModel

extension Rules {
    /// A keystore password written into the topology itself.
    public static let plaintextPassword: Rule = Rule(
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
            """,
        check: { context in
            let topology = context.topology
            var sources: [(Located<SecretSource>, String?)] = []
            if let shared = topology.componentSSL?.keystorePassword { sources.append((shared, nil)) }
            for host in topology.hosts {
                if let own = host.ssl?.keystorePassword { sources.append((own, host.name.value)) }
            }
            return sources.compactMap { source, host in
                guard case .literal = source.value else { return nil }
                return plaintextPassword.diagnostic(
                    "the keystore password is written in the file; name its source instead",
                    at: source.location, host: host,
                    notes: ["write {env: MAESTRO_KEYSTORE_PASSWORD} or {file: /path/readable/by/owner/only}"])
            }
        })
}
