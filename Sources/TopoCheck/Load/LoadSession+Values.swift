import TopoSource
import TopoYAML

/// Typed scalar values. Only plain scalars may be numbers or booleans, so
/// `"1099"` in quotes is text, as YAML itself says.
extension LoadSession {
    /// `isSecret`: the value is a password, so no finding may quote it.
    func string(
        _ event: YAMLEvent, key: String, host: String? = nil, isSecret: Bool = false
    ) throws(LoadStopped) -> Located<String>? {
        guard event.kind == .scalar, !event.isNullLiteral else {
            report(InvalidValue.self, InvalidValueText.expected("text", for: key, found: event),
                   at: event.location, host: host)
            try skip(event)
            return nil
        }
        if event.hasControl {
            if !isSecret, event.style == .doubleQuoted, reportEscape(event, key: key, host: host) { return nil }
            report(InvalidValue.self, InvalidValueText.controlCharacter(key), at: event.location, host: host)
            return nil
        }
        return Located(event.text, at: event.location)
    }

    /// A double-quoted value whose control character came from an escape
    /// typed in it: almost always a Windows path (`"E:\newkeys"`). Says so,
    /// with the single-quoted form of what was typed when the scalar stands
    /// on one line. False when no escape was typed (a literal tab, say).
    private func reportEscape(_ event: YAMLEvent, key: String, host: String?) -> Bool {
        let typed = reader.source(event.sourceRange)
        guard let escape = QuotedPath.firstEscape(in: typed) else { return false }
        let oneLine = event.endLocation?.line == event.location.line && typed.unicodeScalars.count >= 2
        let inside = oneLine ? String(String.UnicodeScalarView(typed.unicodeScalars.dropFirst().dropLast())) : nil
        report(InvalidValue.self, InvalidValueText.escape(key, escape), at: event.location, host: host,
               notes: [QuotedPath.escapeNote(typed: inside)])
        return true
    }

    func integer(_ event: YAMLEvent, key: String, host: String? = nil) throws(LoadStopped) -> Located<Int>? {
        if event.kind == .scalar, event.isPlain, let value = Self.decimal(event.bytes) {
            return Located(value, at: event.location)
        }
        report(InvalidValue.self, InvalidValueText.expected("a whole number", for: key, found: event),
               at: event.location, host: host)
        try skip(event)
        return nil
    }

    func port(_ event: YAMLEvent, key: String, host: String? = nil) throws(LoadStopped) -> Located<Int>? {
        guard let value = try integer(event, key: key, host: host) else { return nil }
        guard (1...65535).contains(value.value) else {
            report(InvalidValue.self, InvalidValueText.portRange(key, value.value), at: value.location, host: host)
            return nil
        }
        return value
    }

    func boolean(_ event: YAMLEvent, key: String, host: String? = nil) throws(LoadStopped) -> Located<Bool>? {
        if event.kind == .scalar, event.isPlain {
            if event.is("true") || event.is("True") || event.is("TRUE") { return Located(true, at: event.location) }
            if event.is("false") || event.is("False") || event.is("FALSE") { return Located(false, at: event.location) }
        }
        let notes = ["yes", "no", "on", "off", "y", "n"].contains(event.text.lowercased())
            ? [InvalidValueText.yesNoNote] : []
        report(InvalidValue.self, InvalidValueText.expected("true or false", for: key, found: event),
               at: event.location, host: host, notes: notes)
        try skip(event)
        return nil
    }

    /// One of a closed set of words (`linux`, `postgresql`, `LUI`, ...),
    /// with a suggestion when the word is close to one of them.
    func choice<T: RawRepresentable & CaseIterable>(
        _ event: YAMLEvent, key: String, what: String, host: String? = nil
    ) throws(LoadStopped) -> Located<T>? where T.RawValue == String {
        guard let text = try string(event, key: key, host: host) else { return nil }
        if let value = T(rawValue: text.value) { return Located(value, at: text.location) }
        let names = T.allCases.map(\.rawValue)
        report(
            InvalidValue.self,
            InvalidValueText.unknownChoice(what, text.value, suggestion: Suggestion.nearest(to: text.value, in: names)),
            at: text.location, host: host, notes: [InvalidValueText.choices(names)])
        return nil
    }

    /// A list of text items, e.g. `aliases`.
    func stringList(_ event: YAMLEvent, key: String, host: String? = nil) throws(LoadStopped) -> Located<[Located<String>]>? {
        guard event.kind == .sequenceStart else {
            report(InvalidValue.self, InvalidValueText.expected("a list", for: key, found: event),
                   at: event.location, host: host)
            try skip(event)
            return nil
        }
        var items: [Located<String>] = []
        while true {
            let item = try next()
            if item.kind == .sequenceEnd { break }
            if let text = try string(item, key: key, host: host) { items.append(text) }
        }
        return Located(items, at: event.location)
    }

    /// A decimal number with an optional `+`, read straight from the bytes.
    static func decimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var digits = bytes[...]
        if digits.first == UInt8(ascii: "+") { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        var value = 0
        for byte in digits {
            guard byte >= 48, byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }
}
