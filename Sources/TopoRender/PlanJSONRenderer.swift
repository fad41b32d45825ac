import TopoModel
import TopoPlan

/// `plan --format json`, as in the JSON contract (format_version 1). Keys
/// beyond the contract (`install_folder`, `trusted_roots`, `checklist`, …)
/// are additions, never renames.
public enum PlanJSONRenderer {
    public static func render(_ plan: Plan?, installation: String, diagnostics: [Diagnostic]) -> String {
        var members: [(String, JSONValue)] = [
            ("format_version", .int(1)),
            ("installation", .string(plan?.installation ?? installation)),
            ("valid", .bool(plan != nil)),
            ("component_ssl", .bool(plan?.componentSSL ?? false)),
        ]
        if let plan {
            members.append(("maestro_version", .optional(plan.maestroVersion)))
            members.append(("tracker_direction", .string(plan.trackerDirection.rawValue)))
        }
        members.append(("servers", .array(plan?.servers.map(server) ?? [])))
        members.append(("external", .array(plan?.external.map(external) ?? [])))
        members.append(("diagnostics", .array(diagnostics.map(\.json))))
        return JSONValue.object(members).serialized()
    }

    static func server(_ server: ServerPlan) -> JSONValue {
        .object([
            ("host", .string(server.host)),
            ("os", .string(server.os.rawValue)),
            ("install_folder", .string(server.installFolder)),
            ("components", .strings(server.components.map(\.rawValue))),
            ("listens", .array(server.listens.map(listen))),
            ("connects", .array(server.connects.map { connection in
                .object([("host", .string(connection.host)), ("port", .int(connection.port)),
                         ("purpose", .string(connection.purpose))])
            })),
            ("firewall", .array(server.firewall.map(firewall))),
            ("certificate", server.certificate.map { certificate in
                .object([("subject", .string(certificate.subject)), ("keystore", .string(certificate.keystore)),
                         ("alias", .string(certificate.alias)), ("ca", .string(certificate.ca)),
                         ("trusted_root_keystore", .string(certificate.trustedRootKeystore))])
            } ?? .null),
            ("trusted_roots", .strings(server.trustedRoots)),
            ("ssl_ini", server.sslIni.map { ini in
                .object([
                    ("path", .string(ini.path)),
                    ("SSLAllowedClients", .string(ini.allowedClients.joined(separator: ","))),
                    ("SSLKeystorePath", .string(ini.keystorePath)),
                    ("SSLKeystorePassword", .string(SecretSource.redacted)),
                    ("password_source", .string(ini.password.description)),
                    ("text", .string(ini.text())),
                ])
            } ?? .null),
            ("checklist", .strings(server.checklist)),
            ("expected_log_lines", .strings(server.expectedLogLines)),
        ])
    }

    static func external(_ host: ExternalHostPlan) -> JSONValue {
        .object([
            ("host", .string(host.host)),
            ("os", .string(host.os.rawValue)),
            ("components", .strings(host.components.map(\.rawValue))),
            ("listens", .array(host.listens.map(listen))),
            ("firewall", .array(host.firewall.map(firewall))),
        ])
    }

    static func listen(_ listen: Listen) -> JSONValue {
        .object([("port", .int(listen.port)), ("purpose", .string(listen.purpose)), ("from", .strings(listen.from))])
    }

    static func firewall(_ rule: FirewallRule) -> JSONValue {
        .object([("port", .int(rule.port)), ("protocol", .string("tcp")), ("from", .strings(rule.from)),
                 ("purpose", .string(rule.purpose))])
    }
}
