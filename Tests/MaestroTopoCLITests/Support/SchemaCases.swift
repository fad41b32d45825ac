import XCTest

/// Topologies that put one value under one key, made by reading the JSON
/// Schema: for every key of every section, values of the key's kind (which
/// both the loader and the schema must take) and values of other kinds,
/// out of range or misspelt (which both must refuse); and an unknown key
/// per section.
struct SchemaCases {
    struct Case {
        var label: String
        var yaml: String
        var isValid: Bool
    }

    private(set) var all: [Case] = []

    /// Where each section of the schema's `$defs` stands in a topology. A
    /// section not listed here fails the test, so a new one gets a place.
    static let places: [String: [String]] = [
        "top": [],
        "defaults": ["defaults"],
        "component_ssl": ["component_ssl"],
        "keystore_password": ["component_ssl", "keystore_password"],
        "host": ["hosts", "a.example.com"],
        "database": ["hosts", "a.example.com", "database"],
        "ssl": ["hosts", "a.example.com", "ssl"],
    ]

    init(schema: [String: Any], file: StaticString = #filePath, line: UInt = #line) {
        var sections: [(String, [String: Any])] = [("top", schema)]
        for (name, definition) in schema["$defs"] as? [String: Any] ?? [:] {
            guard let definition = definition as? [String: Any], definition["properties"] != nil else { continue }
            sections.append((name, definition))
        }
        for (section, definition) in sections.sorted(by: { $0.0 < $1.0 }) {
            guard let place = Self.places[section] else {
                XCTFail("the schema has a section '\(section)' the cases cannot place", file: file, line: line)
                continue
            }
            let properties = definition["properties"] as? [String: Any] ?? [:]
            for (key, property) in properties.sorted(by: { $0.key < $1.key }) {
                let values = Self.values(for: property as? [String: Any] ?? [:], schema: schema)
                if values.good.isEmpty {
                    XCTFail("no cases for the kind of \(section).\(key): \(property)", file: file, line: line)
                }
                for value in values.good { add(place, key, value, valid: true, section) }
                for value in values.bad { add(place, key, value, valid: false, section) }
            }
            add(place, "nosuch_key", "1", valid: false, section)
        }
        // A key given twice.
        all.append(Case(label: "installation twice",
                        yaml: Self.document(place: [], key: "installation", value: "acme\ninstallation: again"),
                        isValid: false))
    }

    private mutating func add(_ place: [String], _ key: String, _ value: String, valid: Bool, _ section: String) {
        all.append(Case(label: "\(section).\(key): \(value) (\(valid ? "good" : "bad"))",
                        yaml: Self.document(place: place, key: key, value: value), isValid: valid))
    }

    /// Good and bad values, told by the property's schema.
    static func values(for property: [String: Any], schema: [String: Any]) -> (good: [String], bad: [String]) {
        let reference = property["$ref"] as? String
        if let version = property["const"] as? Int {
            return (["\(version)"], ["\(version + 1)", "\"\(version)\"", "~"])
        }
        if reference == "#/$defs/text" {
            let nonEmpty = property["minLength"] as? Int == 1
            return (["hello", "2026", "\"quoted text\"", "'single quoted'", "true"] + (nonEmpty ? [] : ["''"]),
                    ["[a]", "{a: b}", "~", "\"tab\\there\"", "\"line\\nbreak\""] + (nonEmpty ? ["''"] : []))
        }
        if reference == "#/$defs/secret" {
            return (["{env: MAESTRO_PW}", "{file: /etc/maestro/pw}", "s3cret"],
                    ["[s3cret]", "{env: A, file: /b}", "{}", "{other: x}", "~", "{env: 1BAD}"])
        }
        if let reference, reference.hasPrefix("#/$defs/") {
            return (["{}"], ["5", "[a]", "~", "{nosuch_key: 1}"])
        }
        switch property["type"] as? String {
        case "integer":
            return (["1", "8080", "65535"], ["0", "65536", "\"80\"", "http", "80.5", "~"])
        case "boolean":
            return (["true", "False"], ["yes", "\"true\"", "1", "~"])
        case "string":
            return (["MAESTRO_PW", "_x1"], ["1BAD", "[x]", "\"has space\"", "~"])
        case "array":
            let items = property["items"] as? [String: Any] ?? [:]
            if let words = items["enum"] as? [String] {
                let list = words.joined(separator: ", ")
                return (["[\(list)]"], [words[0], "[]", "[\(words[0]), \(list)]", "[\(words[0].lowercased())]", "~"])
            }
            return (["[b.example.com]", "[]"], ["b.example.com", "[[b]]", "[~]", "~"])
        case "object":
            let host = "{components: [LUI, HUB, TRK, DATABASE, LISTSERV]}"
            return (["{b.example.com: \(host)}"], ["{}", "[a]", "{b.example.com: ~}", "{b.example.com: {}}", "~"])
        default:
            break
        }
        if property["anyOf"] != nil {
            return (["b.example.com", "'b.example.com,c.example.com'", "[b.example.com, c.example.com]"],
                    ["{a: b}", "[[b]]", "~"])
        }
        if let words = property["enum"] as? [String] {
            return (words, ["nosuch", "[\(words[0])]", words[0].uppercased() == words[0] ? "~" : words[0].uppercased()])
        }
        return ([], [])
    }

    /// A valid one-host topology with `key: value` at `place`.
    static func document(place: [String], key: String, value: String) -> String {
        func line(_ depth: Int, _ text: String) -> String { String(repeating: "  ", count: depth) + text + "\n" }
        let host = "a.example.com"
        var text = ""
        text += line(0, "version: " + (place.isEmpty && key == "version" ? value : "1"))
        text += line(0, "installation: " + (place.isEmpty && key == "installation" ? value : "acme"))
        if place.isEmpty, !["version", "installation", "hosts"].contains(key) { text += line(0, "\(key): \(value)") }
        if place.first == "defaults" || place.first == "component_ssl" {
            text += line(0, "\(place[0]):")
            if place.count == 2 { text += line(1, "\(place[1]):") }
            text += line(place.count, "\(key): \(value)")
        }
        if place.isEmpty, key == "hosts" { return text + line(0, "hosts: \(value)") }
        text += line(0, "hosts:")
        text += line(1, "\(host):")
        let isHost = place == ["hosts", host]
        text += line(2, "components: " + (isHost && key == "components" ? value : "[LUI, HUB, TRK, DATABASE, LISTSERV]"))
        if isHost, key != "components" { text += line(2, "\(key): \(value)") }
        if place.count == 3 {
            text += line(2, "\(place[2]):")
            text += line(3, "\(key): \(value)")
        }
        return text
    }
}
