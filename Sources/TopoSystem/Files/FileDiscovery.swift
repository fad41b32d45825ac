import TopoYAML
import TopoModel

/// Turns the paths given to `validate` into the list of files to check:
/// files as named, directories searched recursively for `*.yaml` and `*.yml`.
/// Symbolic links to directories are not followed, so a link loop cannot
/// trap the walk; files inside directories must be regular files, so a FIFO
/// or device is never opened.
public enum FileDiscovery {
    public struct Result: Sendable {
        public var files: [String]
        /// Paths that could not be used; each is reported, the rest are checked.
        public var problems: [ToolError]
    }

    public static func files(in paths: [String]) -> Result {
        var result = Result(files: [], problems: [])
        for path in paths {
            switch FileSystem.kind(of: path) {
            case .missing where FileSystem.kind(of: path, followLinks: false) == .symlink:
                // A link that leads nowhere, or to itself: reading it says
                // which ("Too many levels of symbolic links"), where
                // "does not exist" would be untrue.
                result.files.append(path)
            case .missing:
                result.problems.append(.notFound(path: path))
            case .directory:
                let before = result.files.count, problems = result.problems.count
                walk(path, into: &result)
                // A folder that could not be read has said so already.
                if result.files.count == before, result.problems.count == problems {
                    result.problems.append(.noTopologyFiles(path: path))
                }
            default:
                result.files.append(path)
            }
        }
        return result
    }

    static func isTopologyName(_ name: String) -> Bool {
        name.hasSuffix(".yaml") || name.hasSuffix(".yml")
    }

    private static func walk(_ directory: String, into result: inout Result) {
        let entries: [(name: String, kind: FileSystem.Kind)]
        do {
            entries = try FileSystem.typedEntries(of: directory)
        } catch {
            result.problems.append(error)
            return
        }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        for (name, reported) in entries {
            let path = prefix + name
            // The directory says what each entry is; ask only where it does not.
            let kind = reported == .missing ? FileSystem.kind(of: path, followLinks: false) : reported
            switch kind {
            case .directory:
                walk(path, into: &result)
            case .regular where isTopologyName(name):
                result.files.append(path)
            case .symlink where isTopologyName(name) && FileSystem.kind(of: path) == .regular:
                result.files.append(path)
            default:
                break
            }
        }
    }
}
