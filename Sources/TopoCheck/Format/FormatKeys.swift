import TopoModel

/// Every key of format version 1, section by section, in the order the
/// documentation lists them. This is the one text source: the loader takes
/// its key lists from here, `maestro-topo schema` its JSON Schema, and the
/// key tables of docs/format.md §2 are made from it (a test checks the
/// document is current; `make docs` rewrites it).
public enum FormatKeys {
    public static func keys(of section: Section) -> [FormatKey] {
        switch section {
        case .top: top
        case .defaults: defaults
        case .componentSSL: componentSSL
        case .hosts: []  // any host name; invalid-hostname judges them
        case .host: host
        case .database: database
        case .ssl: ssl
        case .secret: secret
        }
    }

    /// The heading of the table's second-to-last column.
    public static func presenceHeading(of section: Section) -> String {
        switch section {
        case .top, .host: "required / default"
        case .defaults: "built-in default"
        default: "default"
        }
    }

    static func choices<T: CaseIterable & RawRepresentable>(_: T.Type) -> ValueKind where T.RawValue == String {
        .choice(T.allCases.map(\.rawValue))
    }

    static func choiceType<T: CaseIterable & RawRepresentable>(_: T.Type) -> String where T.RawValue == String {
        T.allCases.map { "`\($0.rawValue)`" }.joined(separator: " \\| ")
    }

    private static let top: [FormatKey] = [
        FormatKey("version", .formatVersion(supportedFormatVersion), required: true,
                  type: "whole number", presence: "required",
                  meaning: "Format version; only `\(supportedFormatVersion)` is accepted."),
        FormatKey("installation", .text, required: true, type: "text", presence: "required",
                  meaning: "Name of the installation, shown in plans."),
        FormatKey("maestro_version", .text, type: "text", presence: "optional, none",
                  meaning: "Maestro version, shown in the plan header only. Kept exactly as written "
                      + "(unquoted `6.10` stays `6.10`)."),
        FormatKey("profile", choices(Profile.self), type: choiceType(Profile.self), presence: "optional, none",
                  meaning: "`high-volume` makes `four-server-layout` check for LUI+HUB / TRK / DATABASE / "
                      + "LISTSERV on four separate hosts. `standard` changes nothing."),
        FormatKey("tracker_direction", choices(TrackerDirection.self), type: choiceType(TrackerDirection.self),
                  presence: "optional, `lui-to-trk`",
                  meaning: "Who opens the connection on the Tracker communications port (§5).", addition: true),
        FormatKey("defaults", .section(.defaults), type: "mapping (§2.2)", presence: "optional",
                  meaning: "Host settings every host inherits."),
        FormatKey("component_ssl", .section(.componentSSL), type: "mapping (§2.3)",
                  presence: "optional; omitted = SSL off", meaning: "Installation-wide component SSL settings."),
        FormatKey("hosts", .hosts, required: true, type: "mapping of host name → host (§2.4)",
                  presence: "required, at least one host", meaning: "The hosts, in the order plans list them."),
    ]

    /// The host settings `defaults` gives and a host may override.
    private static let hostSettings: [(key: FormatKey, inherited: String)] = [
        (FormatKey("os", choices(OperatingSystem.self), type: choiceType(OperatingSystem.self),
                   presence: "`linux`", meaning: "Operating system of the host."),
         "`defaults.os`, else `linux`"),
        (FormatKey("install_folder", .text, type: "text (absolute path)",
                   presence: "`/opt/lsoft/maestro` on Linux, `C:\\Program Files\\L-Soft\\Maestro` on Windows",
                   meaning: "Maestro's install folder (`[maestro_install_folder]`)."),
         "`defaults.install_folder`, else per OS"),
        (FormatKey("internal_port", .port, type: "port", presence: "`1099`", meaning: "Internal communications port."),
         "`defaults.internal_port`, else `1099`"),
        (FormatKey("tracker_port", .port, type: "port", presence: "`7000`", meaning: "Tracker communications port."),
         "`defaults.tracker_port`, else `7000`"),
        (FormatKey("http_port", .port, type: "port", presence: "`80`",
                   meaning: "The HTTP port shared by the components on the host "
                       + "(browsers → LUI/HUB, mail recipients → TRK).", addition: true),
         "`defaults.http_port`, else `80`"),
    ]

    private static let defaults = hostSettings.map(\.key)

    private static let componentSSL: [FormatKey] = [
        FormatKey("enabled", .boolean, type: "boolean", presence: "SSL off",
                  meaning: "Turns component SSL on for every Maestro server that does not say otherwise "
                      + "in its own `ssl`."),
        FormatKey("ca", .text, type: "text", presence: "none",
                  meaning: "Name of the CA that signs the server certificates."),
        FormatKey("keystore_password", .secret, type: "secret (§2.7)", presence: "none",
                  meaning: "Where the keystore password comes from."),
        FormatKey("trusted_root_keystore", .text, type: "text (absolute path)", presence: "per host, §3.8",
                  meaning: "The keystore of trusted root certificates that Maestro's Java reads, when every "
                      + "server keeps it at the same path (a host's `ssl.trusted_root_keystore` wins).",
                  addition: true),
    ]

    private static let host: [FormatKey] =
        [FormatKey("components", .components, required: true, type: "list of components (§3.2)",
                   presence: "required, non-empty", meaning: "What runs on the host.")]
        + hostSettings.map { setting in
            // The host's own table leaves the meaning to `defaults`' and
            // marks additions alone.
            FormatKey(setting.key.name, setting.key.value, type: setting.key.type,
                      presence: setting.inherited, addition: setting.key.isAddition)
        }
        + [
            FormatKey("database", .section(.database), type: "mapping (§2.5)", presence: "optional",
                      meaning: "Only on the host running DATABASE (`misplaced-setting` otherwise)."),
            FormatKey("ssl", .section(.ssl), type: "mapping (§2.6)", presence: "optional",
                      meaning: "Only on a Maestro server (`misplaced-setting` otherwise)."),
        ]

    private static let database: [FormatKey] = [
        FormatKey("engine", choices(DatabaseEngine.self), type: choiceType(DatabaseEngine.self),
                  presence: "`internal`",
                  meaning: "The system database's engine; `internal` is the MySQL that Maestro installs itself."),
        FormatKey("port", .port, type: "port", presence: "the engine's default (§3.4)",
                  meaning: "Port LUI connects to."),
    ]

    private static let ssl: [FormatKey] = [
        FormatKey("enabled", .boolean, type: "boolean", presence: "`component_ssl.enabled`, else off",
                  meaning: "Component SSL on or off for this server. Mixing on and off across Maestro servers "
                      + "is `partial-ssl`."),
        FormatKey("keystore", .text, type: "text (absolute path for the host's OS)",
                  presence: "`<install_folder>/keystore/<host>.jks`",
                  meaning: "Keystore holding this server's signed certificate; becomes `SSLKeystorePath`."),
        FormatKey("keystore_password", .secret, type: "secret (§2.7)",
                  presence: "`component_ssl.keystore_password`"),
        FormatKey("ca", .text, type: "text", presence: "`component_ssl.ca`",
                  meaning: "CA that signs this server's certificate; servers naming different CAs get "
                      + "`mixed-ca`, and every secured server then trusts all of them."),
        FormatKey("allowed_clients", .textOrTextList, type: "list of host names, or one comma-separated text",
                  presence: "every Maestro server of the file, in file order",
                  meaning: "The exact content of `SSLAllowedClients` (§3.7)."),
        FormatKey("aliases", .textList, type: "list of host names", presence: "none",
                  meaning: "Other names this server is known by (`host-aliases` warning). An alias may stand "
                      + "for the server in any `allowed_clients`; an alias equal to another server's name is "
                      + "`shared-certificate`."),
        FormatKey("trusted_root_keystore", .text, type: "text (absolute path for the host's OS)",
                  presence: "`component_ssl.trusted_root_keystore`, else `<install_folder>/jre/lib/security/cacerts`",
                  meaning: "The trusted-root keystore of the Java that runs Maestro on this server: the CA root "
                      + "goes in, and its well-known default password is changed (vendor step 2.2.1, §3.8).",
                  addition: true),
    ]

    /// The three forms of `keystore_password`.
    public static let secretForms: [SecretForm] = [
        SecretForm(form: "`{env: NAME}`", example: "`{env: MAESTRO_KEYSTORE_PASSWORD}`",
                   meaning: "The password is in environment variable `NAME` (letters, digits, `_`; "
                       + "not starting with a digit)."),
        SecretForm(form: "`{file: PATH}`", example: "`{file: /etc/maestro-topo/keystore.pw}`",
                   meaning: "The password is the content of the file `PATH`."),
        SecretForm(form: "text", example: "`keystore_password: s3cret`",
                   meaning: "The password itself, written in the file: allowed, with a `plaintext-password` "
                       + "warning."),
    ]

    private static let secret: [FormatKey] = [
        FormatKey("env", .environmentName, type: "text", presence: "", meaning: secretForms[0].meaning),
        FormatKey("file", .nonEmptyText, type: "text", presence: "", meaning: secretForms[1].meaning),
    ]
}
