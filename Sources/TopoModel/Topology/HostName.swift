/// DNS host names as RFC 1123 has them: labels of letters, digits and
/// hyphens, 1–63 characters, not starting or ending with a hyphen, 253
/// characters in all. One trailing dot (a fully qualified name) is allowed.
public enum HostName {
    /// Why `name` is not a valid host name, or nil when it is.
    public static func problem(in name: String) -> String? {
        if isValid(name) {
            // Plans and firewall files say `any` for "anyone on the network".
            let isAny = name.utf8.count <= 4 && canonical(name) == "any"  // `any` or `ANY.`: short names only
            return isAny ? "'any' is reserved: plans and firewall rules use it for anyone on the network" : nil
        }
        return describeProblem(in: name) ?? "it is not a valid host name"
    }

    /// The common case, answered on the bytes alone.
    static func isValid(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { bytes in
            var count = bytes.count
            if count > 0, bytes[count - 1] == UInt8(ascii: ".") { count -= 1 }
            guard count > 0, count <= 253 else { return false }
            var labelLength = 0
            var previous: UInt8 = UInt8(ascii: ".")
            for i in 0..<count {
                let byte = bytes[i]
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    labelLength += 1
                case UInt8(ascii: "-"):
                    if previous == UInt8(ascii: ".") { return false }
                    labelLength += 1
                case UInt8(ascii: "."):
                    if labelLength == 0 || previous == UInt8(ascii: "-") { return false }
                    labelLength = 0
                default:
                    return false
                }
                if labelLength > 63 { return false }
                previous = byte
            }
            return labelLength > 0 && previous != UInt8(ascii: "-")
        }
    }

    /// The words for what is wrong with an invalid name.
    static func describeProblem(in name: String) -> String? {
        if name.isEmpty { return "the name is empty" }
        var body = Substring(name)
        if body.hasSuffix(".") { body = body.dropLast() }
        if body.utf8.count > 253 { return "it is \(body.utf8.count) characters long; a host name has at most 253" }
        if let bad = body.unicodeScalars.first(where: { !isAllowed($0) }) {
            return "it contains \(describe(bad)); a host name has only letters, digits, '-' and '.'"
        }
        for label in body.split(separator: ".", omittingEmptySubsequences: false) {
            if label.isEmpty { return "it has an empty label (two dots in a row, or a leading dot)" }
            if label.utf8.count > 63 { return "the label '\(label.prefix(20))…' is \(label.utf8.count) characters long; a label has at most 63" }
            if label.hasPrefix("-") || label.hasSuffix("-") { return "the label '\(label)' starts or ends with '-'" }
        }
        return nil
    }

    /// The form under which two spellings name the same host: lower case,
    /// without a trailing dot.
    /// Lower case and without a trailing dot already.
    public static func isCanonical(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { bytes in
            bytes.last != UInt8(ascii: ".") && !bytes.contains { $0 >= 65 && $0 <= 90 }
        }
    }

    public static func canonical(_ name: String) -> String {
        // Most names are already canonical; answer those without allocating.
        guard !isCanonical(name) else { return name }
        var lowered = name.lowercased()
        if lowered.hasSuffix(".") { lowered.removeLast() }
        return lowered
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-", ".": true
        default: false
        }
    }

    private static func describe(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case " ": "a space"
        case "\n": "a line break"
        case "\r": "a carriage return"
        case "\t": "a tab"
        case ",": "a comma"
        case "=": "'='"
        case "/", "\\": "a path separator '\(scalar)'"
        case "_": "an underscore"
        default:
            scalar.properties.generalCategory == .control || !scalar.isASCII
                ? "the character U+\(String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4))"
                : "'\(scalar)'"
        }
    }
}

extension String {
    public func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
