extension Rules {
    /// The file exceeds a bound the loader keeps on size, depth, scalar length or host count.
    public static let inputLimit: Rule = Rule(
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
            hit; the other files of a batch are still checked.

            ```yaml
            hosts: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[
            ```

            Fix: the file is almost certainly not a topology, or was generated \
            wrongly. Look at the position given.
            """)
}

enum InputLimitText {
    static func fileSize(limit: Int) -> String {
        "the file is larger than \(limit) bytes, the most a topology file may have"
    }

    static func depth(_ limit: Int) -> String {
        "mappings and lists are nested deeper than \(limit) levels; a topology needs 5"
    }

    static func scalar(_ size: Int, limit: Int) -> String {
        "a value of \(size) bytes; values may be at most \(limit) bytes"
    }

    static func findings(_ limit: Int) -> String {
        "more than \(limit) findings; reading stopped here (fix the ones above first)"
    }

    static func hosts(_ limit: Int) -> String {
        "more than \(limit) hosts; reading stopped here"
    }
}
