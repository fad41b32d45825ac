import TopoYAML

/// A value of the wrong type or outside its allowed set.
public struct InvalidValue: LoadRule, ModelRule {
    public static let descriptor = RuleDescriptor(
        id: "invalid-value", severity: .error,
        summary: "A value has the wrong type or is not allowed: unknown component, OS or engine, port outside 1–65535, missing required key, …",
        documentation: """
            Each key takes one kind of value (docs/format.md): text, a whole \
            number, `true`/`false`, a list, or one word of a closed set. Among \
            the cases this rule reports:

            - a port outside 1–65535, or written in quotes (`"1099"` is text),
            - a component other than LUI, HUB, TRK, DATABASE, LISTSERV (names \
              are upper case), the same component twice on one host, a host \
              with no components,
            - an `os` other than `linux`/`windows`, an unknown database engine \
              or profile,
            - `yes`/`no`/`on`/`off` where `true`/`false` is meant (YAML 1.1 \
              read these as booleans, YAML 1.2 does not; maestro-topo accepts \
              only `true` and `false`, also capitalised as YAML 1.2 allows),
            - `keystore_password` that is neither `{env: NAME}`, `{file: PATH}` \
              nor text,
            - a `"`, `*` or control character in a Windows host's \
              `install_folder`, `keystore` or `trusted_root_keystore` (no \
              Windows path holds one, and `certificate.cmd` could not carry it), \
              or a `"` in its CA name when SSL is on,
            - a missing `version`, `installation` or `hosts`, a `version` other \
              than 1, an empty file or a file that is not a mapping.

            ```yaml
            defaults:
              internal_port: 70000      # ports end at 65535
            hosts:
              ui.acme.example:
                components: [lui, HUB]  # did you mean 'LUI'?
            ```

            Fix: use a value of the kind named in the message; suggestions are \
            given for near misses.
            """)
}

enum InvalidValueText {
    static let emptyFile =
        "the file holds no topology; start with 'version: 1' (maestro-topo init prints a starting point)"

    static func notAMapping(_ found: YAMLEvent) -> String {
        "a topology is a mapping of keys such as 'version' and 'hosts', but the file holds \(found.nodeDescription)"
    }

    static func complexKey(_ found: YAMLEvent) -> String {
        "a key must be plain text, not \(found.nodeDescription)"
    }

    static func expected(_ kind: String, for key: String, found: YAMLEvent) -> String {
        "'\(key)' takes \(kind), not \(found.nodeDescription)"
    }

    static func controlCharacter(_ key: String) -> String {
        "'\(key)' contains a control character (a line break or tab, say); write it on one line"
    }

    static func escape(_ key: String, _ escape: String) -> String {
        "'\(key)' holds \(QuotedPath.meaning(of: escape)): in double quotes '\(escape)' is an escape, not a backslash and '\(escape.dropFirst())'"
    }

    static func portRange(_ key: String, _ value: Int) -> String {
        "'\(key)' is \(value); a TCP port is between 1 and 65535"
    }

    static let yesNoNote = "YAML 1.2 reads yes/no/on/off as text; write true or false"

    static func unknownChoice(_ what: String, _ value: String, suggestion: String?) -> String {
        let base = "unknown \(what) '\(value)'"
        return suggestion.map { "\(base); did you mean '\($0)'?" } ?? base
    }

    static func choices(_ names: [String]) -> String {
        "one of: " + names.joined(separator: ", ")
    }

    static let twoSecretSources = "give one password source: either 'env' or 'file', not both"

    /// The value is not quoted: what does not name a variable may be the
    /// password, written under `env` by mistake.
    static let environmentName =
        "'env' takes the name of an environment variable (letters, digits and '_', not starting with a digit); the value is not shown, as it may be the password"

    static func emptySecretName(_ kind: String) -> String {
        kind == "env" ? "'env' needs the name of an environment variable" : "'file' needs the path of a file"
    }

    static func emptySecret(_ key: String) -> String {
        "'\(key)' names no source; write {env: VARIABLE}, {file: /path/to/file} or the password as text"
    }

    static func version(_ value: Int) -> String {
        "format version \(value) is not supported; this maestro-topo reads version \(supportedFormatVersion)"
    }

    static func missingKey(_ key: String, example: String) -> String {
        "the topology has no '\(key)'; add it, e.g. '\(example)'"
    }

    static let noHosts = "'hosts' is empty; a topology names at least the hosts running LUI, HUB and TRK"

    static func noComponents(_ host: String) -> String {
        "host '\(host)' runs no components; give it 'components: [...]' (LUI, HUB, TRK, DATABASE, LISTSERV)"
    }

    static func componentTwice(_ component: String, host: String) -> String {
        "\(component) is listed twice on host '\(host)'"
    }
}
