import TopoModel

/// Where a path of the plan (written the way the server writes it, maybe
/// `D:\Maestro\keystore\hub.jks`) is found on the machine `verify` runs
/// on. On the server itself a Linux path is itself. With `--root` (a copy
/// of the install folder) a path inside the planned install folder is
/// found under the root, and any other path needs a `--path-map FROM=TO`
/// whose FROM is a folder it lies in.
public struct PathMap: Sendable {
    public struct Mapping: Sendable, Equatable {
        public var from: String
        public var to: String

        /// `FROM=TO`, split at the first `=` (a Windows path has none).
        public init?(argument: String) {
            guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else { return nil }
            from = String(argument[..<equals])
            to = String(argument[argument.index(after: equals)...])
            guard !to.isEmpty else { return nil }
        }

        public init(from: String, to: String) {
            self.from = from
            self.to = to
        }
    }

    public var installFolder: String
    public var os: OperatingSystem
    public var root: String?
    public var mappings: [Mapping]

    public init(installFolder: String, os: OperatingSystem, root: String?, mappings: [Mapping]) {
        self.installFolder = installFolder
        self.os = os
        self.root = root
        self.mappings = mappings
    }

    /// The local path of the server's `path`, or nil when it lies outside
    /// every folder `verify` was told where to find.
    public func local(_ path: String) -> String? {
        // An explicit mapping wins, the longest FROM first.
        for mapping in mappings.sorted(by: { $0.from.count > $1.from.count }) {
            if let rest = remainder(of: path, under: mapping.from) { return Self.append(rest, to: mapping.to) }
        }
        guard let root else { return os == .linux ? path : nil }
        if let rest = remainder(of: path, under: installFolder) { return Self.append(rest, to: root) }
        return nil
    }

    /// The parts of `path` below `folder`, or nil when it is not below it.
    /// Windows paths compare without regard to case and take either slash.
    func remainder(of path: String, under folder: String) -> [Substring]? {
        let pathParts = parts(path), folderParts = parts(folder)
        guard pathParts.count >= folderParts.count else { return nil }
        for (a, b) in zip(pathParts, folderParts) {
            guard os == .windows ? a.lowercased() == b.lowercased() : a == b else { return nil }
        }
        return Array(pathParts.dropFirst(folderParts.count))
    }

    private func parts(_ path: String) -> [Substring] {
        path.split(whereSeparator: { $0 == "/" || (os == .windows && $0 == "\\") })
    }

    private static func append(_ parts: [Substring], to base: String) -> String {
        var result = base
        for part in parts {
            if !result.hasSuffix("/") { result += "/" }
            result += part
        }
        return result
    }
}
