/// The file exceeds a bound the loader keeps on size, depth, scalar length or host count.
public struct InputLimit: LoadRule {
    public static let descriptor = RuleDescriptor(
        id: "input-limit", severity: .error,
        summary: "The file exceeds a safety limit (size, nesting depth, scalar length or number of hosts).",
        documentation: """
            A topology of a real installation is a few kilobytes. To stay safe on \
            files from unknown hands, the loader stops at:

            - files larger than 64 MiB,
            - mappings and lists nested deeper than 64 levels (the format needs 5),
            - a single value longer than 1 MiB,
            - more than 100,000 hosts,
            - more than 1,000 findings while reading (a flood of aliases or \
              unknown items would otherwise cost memory many times the file's \
              size).

            Reading stops at the limit and the finding points at the place it was \
            hit; the other files of a batch are still checked. Anchors and aliases \
            are never expanded (see `unsupported-yaml`), so a file cannot grow \
            while it is read.

            Each limit can be raised for a genuine file: `--max-file-size`, \
            `--max-depth`, `--max-scalar-length`, `--max-hosts` and \
            `--max-findings` (sizes take a K, M or G suffix: `--max-file-size 256M`).

            ```yaml
            hosts: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[
            ```

            Fix: the file is almost certainly not a topology, or was generated \
            wrongly. Look at the position given.
            """)
}

enum InputLimitText {
    static func fileSize(limit: Int) -> String {
        "the file is larger than \(bytes(limit)), the most a topology file may have (--max-file-size)"
    }

    static func depth(_ limit: Int) -> String {
        "mappings and lists are nested deeper than \(limit) levels; a topology needs 5 (--max-depth)"
    }

    static func scalar(_ size: Int, limit: Int) -> String {
        "a value of \(bytes(size)); values may be at most \(bytes(limit)) (--max-scalar-length)"
    }

    static func findings(_ limit: Int) -> String {
        "more than \(limit) findings; reading stopped here (fix the ones above first, or --max-findings)"
    }

    static func hosts(_ limit: Int) -> String {
        "more than \(limit) hosts; reading stopped here (--max-hosts)"
    }

    /// A byte count as people write it: `1 MiB`, `1536 KiB`, `100 bytes`.
    static func bytes(_ count: Int) -> String {
        for (unit, size) in [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)] where count >= size && count % size == 0 {
            return "\(count / size) \(unit)"
        }
        return count == 1 ? "1 byte" : "\(count) bytes"
    }
}
