import TopoCheck
import TopoModel

/// The JSON Schema (draft 2020-12) of format version 1, made from
/// `FormatKeys`, the list the loader takes its keys from. Editors read it
/// through the `# yaml-language-server: $schema=…` line `init` writes.
///
/// The schema describes what YAML parsers hand an editor: a plain `2026` is
/// a number to them and text to the loader, so text accepts numbers and
/// booleans. What the loader judges beyond types and keys (host names,
/// placement of components, SSL completeness) is left to `validate`.
public enum TopologySchemaRenderer {
    public static func json() -> String {
        var members: [(String, JSONValue)] = [
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("title", .string("maestro-topo topology, format version \(supportedFormatVersion)")),
            ("description", .string(
                "A LISTSERV Maestro installation: its hosts, their components and component SSL. "
                    + "Checked in full by `maestro-topo validate`; see docs/format.md.")),
        ]
        members += sectionMembers(.top)
        let definitions = Section.documented.filter { $0 != .top }.map { ($0.id, JSONValue.object(sectionMembers($0))) }
        members.append(("$defs", .object(definitions + [
            ("text", text),
            ("secret", secret),
        ])))
        return JSONValue.object(members).serialized()
    }

    /// A mapping of the section's keys and nothing else.
    private static func sectionMembers(_ section: Section) -> [(String, JSONValue)] {
        let keys = FormatKeys.keys(of: section)
        var members: [(String, JSONValue)] = [("type", .string("object"))]
        if section == .secret {
            members.append(("description", .string(plain("The password's source: exactly one of `env` and `file`."))))
        }
        members.append(("properties", .object(keys.map { ($0.name, property($0, in: section)) })))
        let required = keys.filter(\.isRequired).map(\.name)
        if !required.isEmpty { members.append(("required", .strings(required))) }
        if section == .secret {
            members += [("minProperties", .int(1)), ("maxProperties", .int(1))]
        }
        members.append(("additionalProperties", .bool(false)))
        return members
    }

    private static func property(_ key: FormatKey, in section: Section) -> JSONValue {
        let description = describe(key, in: section)
        return .object(schema(of: key.value) + [
            ("description", .string(plain(description))),
            ("markdownDescription", .string(description)),
        ])
    }

    /// The key's meaning (or, where its table leaves that to another, the
    /// meaning of the same key in `defaults` or `component_ssl`), its
    /// default, and whether it is an addition.
    static func describe(_ key: FormatKey, in section: Section) -> String {
        var meaning = key.meaning
        if meaning.isEmpty {
            meaning = [Section.defaults, .componentSSL].lazy
                .compactMap { FormatKeys.keys(of: $0).first { $0.name == key.name }?.meaning }
                .first { !$0.isEmpty } ?? ""
        }
        var parts: [String] = []
        if key.isAddition { parts.append("Addition to the product's minimal format.") }
        if !meaning.isEmpty { parts.append(meaning) }
        if let presence = presence(key.presence) { parts.append(presence) }
        // Section numbers point into the format's reference.
        return parts.joined(separator: " ").split(separator: "§", omittingEmptySubsequences: false)
            .joined(separator: "docs/format.md §")
    }

    /// The table's "required / default" cell as a sentence: "Required, at
    /// least one host.", "Optional; default: `lui-to-trk`.", "Default: `1099`.".
    private static func presence(_ cell: String) -> String? {
        for word in ["required", "optional"] where cell.hasPrefix(word) {
            var rest = cell.dropFirst(word.count)
            let capitalised = word.prefix(1).uppercased() + word.dropFirst()
            if rest.hasPrefix(", none") { rest = rest.dropFirst(6) }
            if word == "optional", rest.hasPrefix(", ") { return "Optional; default: \(rest.dropFirst(2))." }
            return "\(capitalised)\(rest)."
        }
        return cell.isEmpty || cell == "none" ? nil : "Default: \(cell)."
    }

    private static func schema(of kind: ValueKind) -> [(String, JSONValue)] {
        switch kind {
        case .text:
            return [("$ref", .string("#/$defs/text"))]
        case .nonEmptyText:
            return [("$ref", .string("#/$defs/text")), ("minLength", .int(1))]
        case let .formatVersion(version):
            return [("const", .int(version))]
        case .port:
            return [("type", .string("integer")), ("minimum", .int(1)), ("maximum", .int(65535))]
        case .boolean:
            return [("type", .string("boolean"))]
        case let .choice(words):
            return [("enum", .strings(words))]
        case .components:
            return [("type", .string("array")), ("minItems", .int(1)), ("uniqueItems", .bool(true)),
                    ("items", .object([("enum", .strings(Component.allCases.map(\.rawValue)))]))]
        case .textList:
            return textList
        case .textOrTextList:
            return [("anyOf", .array([.object([("$ref", .string("#/$defs/text"))]), .object(textList)]))]
        case .secret:
            return [("$ref", .string("#/$defs/secret"))]
        case .environmentName:
            return [("type", .string("string")), ("pattern", .string("^[A-Za-z_][A-Za-z0-9_]*$"))]
        case let .section(section):
            return [("$ref", .string("#/$defs/\(section.id)"))]
        case .hosts:
            return [("type", .string("object")), ("minProperties", .int(1)),
                    ("additionalProperties", .object([("$ref", .string("#/$defs/\(Section.host.id)"))]))]
        }
    }

    private static let textList: [(String, JSONValue)] =
        [("type", .string("array")), ("items", .object([("$ref", .string("#/$defs/text"))]))]

    /// Any scalar but null, without control characters (docs/format.md §3.1).
    private static let text = JSONValue.object([
        ("type", .strings(["string", "number", "boolean"])),
        ("pattern", .string("^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*$")),
    ])

    /// A literal password, or a mapping naming where it is.
    private static let secret = JSONValue.object([
        ("anyOf", .array([
            .object([("$ref", .string("#/$defs/text"))]),
            .object([("$ref", .string("#/$defs/\(Section.secret.id)"))]),
        ])),
    ])

    /// Markdown as an editor shows plain text: no code quotes or emphasis.
    static func plain(_ markdown: String) -> String {
        var out = ""
        var rest = Substring(markdown)
        while let first = rest.first {
            if rest.hasPrefix("\\|") {
                out.append("|")
                rest = rest.dropFirst(2)
            } else {
                if first != "`", first != "*" { out.append(first) }
                rest = rest.dropFirst()
            }
        }
        return out
    }
}
