import TopoModel

/// Starting topologies for `maestro-topo init`. Each is valid as printed
/// (a test checks that) and teaches the format through its comments.
public enum Preset: String, CaseIterable, Sendable {
    case single
    case twoServer = "two-server"
    case fourServer = "four-server"

    public var summary: String {
        switch self {
        case .single: "everything on one host (small installations, test systems)"
        case .twoServer: "the vendor's usual split: LUI and HUB on one server (with the database and LISTSERV), the Tracker on the other"
        case .fourServer: "the recommended high-volume layout: LUI+HUB, TRK, database, LISTSERV"
        }
    }

    /// `schema`: where editors find the JSON Schema (`maestro-topo schema`),
    /// named on the first line as yaml-language-server reads it.
    public func yaml(installation: String = "acme-production", schema: String? = nil) -> String {
        let modeline = schema.map { "# yaml-language-server: $schema=\($0)\n" } ?? ""
        let header = modeline + """
            # A LISTSERV Maestro topology (format version 1; see docs/format.md).
            # Preset: \(rawValue): \(summary).
            # Check it with:  maestro-topo validate FILE
            # Plan it with:   maestro-topo plan FILE
            version: 1
            installation: \(installation)

            """
        switch self {
        case .single:
            return header + """
                defaults:
                  os: linux
                  install_folder: /opt/lsoft/maestro

                # With a single Maestro server there are no links between servers to
                # secure; component SSL is off.
                hosts:
                  maestro.example.com:
                    components: [LUI, HUB, TRK, DATABASE, LISTSERV]
                    database: {engine: internal}

                """
        case .twoServer:
            return header + """
                defaults:
                  os: linux
                  install_folder: /opt/lsoft/maestro
                  internal_port: 1099
                  tracker_port: 7000

                component_ssl:
                  enabled: false          # set to true, then add ca and keystore_password

                # The Tracker has a server of its own: LUI restarts do not take it
                # down, and its host name lives on in every tracking link.
                hosts:
                  maestro.example.com:
                    components: [LUI, HUB, DATABASE, LISTSERV]
                    database: {engine: internal}
                  trk.example.com:
                    components: [TRK]

                """
        case .fourServer:
            return header + """
                profile: high-volume

                defaults:
                  os: linux
                  install_folder: /opt/lsoft/maestro
                  internal_port: 1099
                  tracker_port: 7000

                # Component SSL is all-or-nothing: every Maestro server gets a
                # certificate for its own host name, signed by this CA.
                component_ssl:
                  enabled: true
                  ca: Example Issuing CA
                  keystore_password: {env: MAESTRO_KEYSTORE_PASSWORD}

                hosts:
                  ui.example.com:
                    components: [LUI, HUB]
                  trk.example.com:
                    components: [TRK]       # its host name lives on in every tracking link
                  db.example.com:
                    components: [DATABASE]
                    database: {engine: postgresql}
                  lsv.example.com:
                    components: [LISTSERV]

                """
        }
    }
}
