// yams-peer PATH...
//
// The peer a user would write without maestro-topo: decode each topology with
// Yams into Codable types and make the same minimal checks as
// bench/pyyaml_peer.py. Directories are searched recursively for *.yaml and
// *.yml. Prints one line per invalid file and `checked N files: E errors`;
// exits 1 when E > 0.

import Foundation
import Yams

/// Files as named; directories walked recursively, in sorted order so the
/// output does not depend on the order of directory entries.
func topologyFiles(_ paths: [String]) -> [String] {
    let fm = FileManager.default
    var files: [String] = []
    for path in paths {
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            files.append(path)
            continue
        }
        var found: [String] = []
        if let walker = fm.enumerator(atPath: path) {
            for case let relative as String in walker
            where relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") {
                found.append(path.hasSuffix("/") ? path + relative : path + "/" + relative)
            }
        }
        files += found.sorted()
    }
    return files
}

func isPort(_ value: Int?) -> Bool {
    guard let value else { return true }
    return (1...65535).contains(value)
}

/// The same checks as the Python peer; the types already guarantee the rest.
func check(_ topology: Topology) -> [String] {
    var errors: [String] = []
    if topology.version != 1 { errors.append("version must be 1, not \(topology.version)") }
    if topology.installation.isEmpty { errors.append("installation is missing") }
    if let d = topology.defaults {
        for (key, port) in [("internal_port", d.internalPort), ("tracker_port", d.trackerPort), ("http_port", d.httpPort)]
        where !isPort(port) {
            errors.append("defaults.\(key) is not a port: \(port!)")
        }
    }
    if topology.hosts.isEmpty { errors.append("hosts must be a non-empty mapping") }

    let sslDefault = topology.componentSSL?.enabled ?? false
    var placed: [Component: Int] = [:]
    var sslOn: [String] = []
    var sslOff = 0
    // Sorted, so messages do not depend on the dictionary's order.
    for name in topology.hosts.keys.sorted() {
        let host = topology.hosts[name]!
        if host.components.isEmpty { errors.append("host \(name) has no components list") }
        var seen: Set<Component> = []
        for component in host.components {
            if !seen.insert(component).inserted {
                errors.append("host \(name) lists \(component.rawValue) twice")
            } else {
                placed[component, default: 0] += 1
            }
        }
        for (key, port) in [("internal_port", host.internalPort), ("tracker_port", host.trackerPort),
                            ("http_port", host.httpPort), ("database.port", host.database?.port)]
        where !isPort(port) {
            errors.append("hosts.\(name).\(key) is not a port: \(port!)")
        }
        if seen.contains(where: \.isMaestro) {
            if host.ssl?.enabled ?? sslDefault { sslOn.append(name) } else { sslOff += 1 }
        }
    }
    for component in [Component.lui, .hub, .trk, .database] where placed[component, default: 0] != 1 {
        errors.append("\(component.rawValue) must run on exactly one host, not \(placed[component, default: 0])")
    }
    if placed[.listserv, default: 0] == 0 { errors.append("LISTSERV runs on no host") }
    if !sslOn.isEmpty && sslOff > 0 {
        errors.append("component SSL is on for \(sslOn.joined(separator: ", ")) but not for every Maestro server")
    }
    return errors
}

/// One line for a decoding failure: where, and why.
func describe(_ error: any Error) -> String {
    func at(_ codingPath: [any CodingKey], _ message: String) -> String {
        let path = codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        return path.isEmpty ? message : "\(path): \(message)"
    }
    let text: String
    switch error {
    case DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty:
        // Yams wraps its parser's error, which carries libyaml's message and position.
        text = context.underlyingError.map { String(describing: $0) } ?? context.debugDescription
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
         DecodingError.dataCorrupted(let context):
        text = at(context.codingPath, context.debugDescription)
    case DecodingError.keyNotFound(let key, let context):
        text = at(context.codingPath + [key], "missing")
    default:
        text = String(describing: error)
    }
    return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
}

let paths = Array(CommandLine.arguments.dropFirst())
if paths.isEmpty {
    FileHandle.standardError.write(Data("usage: yams-peer PATH...\n".utf8))
    exit(2)
}
let decoder = YAMLDecoder()
var checked = 0
var total = 0
for file in topologyFiles(paths) {
    checked += 1
    let errors: [String]
    do {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        errors = check(try decoder.decode(Topology.self, from: text))
    } catch {
        errors = [describe(error)]
    }
    if !errors.isEmpty {
        total += errors.count
        print("\(file): \(errors.joined(separator: "; "))")
    }
}
print("checked \(checked) files: \(total) errors")
exit(total > 0 ? 1 : 0)
