/// The one loop behind every format's escaping (JUnit XML, workflow
/// commands, DOT, Mermaid): each format only says which characters it
/// replaces, and with what.
extension String {
    /// The text with every scalar for which `replacement` returns a string
    /// replaced by it; the others are kept.
    public func escaped(_ replacement: (Unicode.Scalar) -> String?) -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            if let replaced = replacement(scalar) {
                out += replaced
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension Unicode.Scalar {
    /// C0 controls and DEL: what no label or message should carry as is.
    public var isASCIIControl: Bool { value < 0x20 || value == 0x7F }
}

extension String {
    /// The text with the characters that could deceive a reader written
    /// out (`\n`, `\t`, `\u{1b}`): control characters, line and paragraph
    /// separators, and the bidi controls that reorder what a terminal shows.
    /// For text that comes from outside, such as file paths and names
    /// quoted in messages: a line break must not print a line that looks
    /// like a finding, and an escape sequence must not reach the terminal.
    public var withVisibleControls: String {
        // The usual text is printable ASCII: one look at the bytes (on
        // the buffer, several times cheaper than through `utf8`).
        var text = self
        guard text.withUTF8({ $0.contains { $0 < 0x20 || $0 >= 0x7F } }),
              unicodeScalars.contains(where: \.isDeceptive) else { return self }
        return escaped { scalar in
            switch scalar {
            case "\n": "\\n"
            case "\r": "\\r"
            case "\t": "\\t"
            default: scalar.isDeceptive ? "\\u{\(String(scalar.value, radix: 16))}" : nil
            }
        }
    }
}

extension Unicode.Scalar {
    /// C0 and C1 controls, DEL, line and paragraph separators, bidi controls.
    public var isDeceptive: Bool {
        switch value {
        case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}

extension Unicode.Scalar {
    /// What ends a line, or a command, in some script language: C0 and C1
    /// controls, DEL, line and paragraph separators.
    public var isControlOrLineBreak: Bool {
        switch value {
        case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029: true
        default: false
        }
    }

    public var isHostNameCharacter: Bool {
        switch self {
        case "a"..."z", "A"..."Z", "0"..."9", "-", ".": true
        default: false
        }
    }
}
