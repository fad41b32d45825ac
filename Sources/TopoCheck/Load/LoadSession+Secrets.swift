import TopoSource
import TopoYAML
import TopoModel

/// What may be a password, wherever it stands: the three forms of
/// `keystore_password`, and everything else under it or under a key like it,
/// which is masked in printed lines and quoted by no message.
extension LoadSession {
    /// `{env: NAME}`, `{file: PATH}` or a literal password. Whatever else
    /// stands under the key may be the password written in the wrong form
    /// (`{S3cr3t}`, `[S3cr3t]`, `{env: NAME, S3cr3t}`), so every scalar of
    /// it, keys included, is masked, and no message quotes it.
    func secret(_ event: YAMLEvent, key: String, host: String? = nil) throws(LoadStopped) -> Located<SecretSource>? {
        if event.kind == .scalar {
            // Masked even when the value is refused (a tab in it, say): the
            // finding about it would otherwise print it.
            mask(event)
            guard let text = try string(event, key: key, host: host, isSecret: true) else { return nil }
            return Located(.literal(text.value), at: text.location)
        }
        guard event.kind == .mappingStart else {
            report(InvalidValue.self, InvalidValueText.expected("a mapping", for: key, found: event),
                   at: event.location, host: host)
            try skipMasked(event)
            return nil
        }
        var source: Located<SecretSource>?
        var extra = false
        // Any finding inside the mapping (an unknown key, say) already
        // says what is wrong with it.
        let findingsBefore = diagnostics.count
        // Every scalar of the mapping, keys included, is masked until the
        // mapping proves to be exactly one valid source: in any other
        // (`{env: S3cr3t, env: X}`, `{file: S3cr3t, env: X}`) the first
        // value may be the password. Left masked if reading stops inside.
        let spansBefore = secretSpans.count
        maskingScalars += 1
        defer { maskingScalars -= 1 }
        // Only `env` and `file` reach here: readMapping masks any other key.
        try readMapping(section: .secret, host: host) { name, value throws(LoadStopped) in
            guard value.kind == .scalar else {
                extra = true
                self.report(InvalidValue.self, InvalidValueText.expected("text", for: name.value, found: value),
                            at: value.location, host: host)
                try self.skipMasked(value)
                return true
            }
            let isEnv = name.value == "env"
            if isEnv, !value.isNullLiteral, !value.bytes.isEmpty, !Self.isEnvironmentName(value.bytes) {
                // Not a variable name, so perhaps the password itself.
                extra = true
                self.mask(value)
                self.report(InvalidValue.self, InvalidValueText.environmentName, at: value.location, host: host)
                return true
            }
            guard let text = try self.string(value, key: name.value, host: host) else { return true }
            if text.value.isEmpty {
                extra = true
                self.report(InvalidValue.self, InvalidValueText.emptySecretName(name.value), at: text.location, host: host)
                return true
            }
            if source.isSome {
                extra = true
                self.report(InvalidValue.self, InvalidValueText.twoSecretSources, at: name.location, host: host)
                return true
            }
            source = Located(isEnv ? .environment(text.value) : .file(text.value), at: event.location)
            return true
        }
        if source.isNone, !extra, diagnostics.count == findingsBefore {
            report(InvalidValue.self, InvalidValueText.emptySecret(key), at: event.location, host: host)
        }
        guard source.isSome, !extra, diagnostics.count == findingsBefore else {
            // Refused as a whole: a source read from it (`from file S3cr3t`
            // in `{file: S3cr3t, env: X}`) would be shown by `plan` and `diff`.
            return nil
        }
        secretSpans.removeSubrange(spansBefore...)  // a valid source: a variable's name or a path, shown
        return source
    }

    /// Whether the value being read may be a password, or part of one: it
    /// stands under `keystore_password` or a key like it. Names of tags,
    /// anchors and aliases there are not quoted (`*S3cr3t` is a password
    /// that starts with `*`, unquoted).
    var readingSecret: Bool { secretValueStart != nil || maskingScalars > 0 }

    /// `unsupported-yaml` with `message`; under a password key with a note
    /// on quoting, as the feature there is most likely a password's first
    /// character.
    func reportUnsupported(_ message: String, at location: SourceLocation) {
        report(UnsupportedYAML.self, message, at: location, notes: readingSecret ? [UnsupportedYAMLText.quoteThePassword] : [])
    }

    /// Consumes the rest of a node whose first event is `first`, masking
    /// every scalar in it: a value that may be a password, or part of one.
    func skipMasked(_ first: YAMLEvent) throws(LoadStopped) {
        if first.kind == .scalar { mask(first) }
        maskingScalars += 1
        defer { maskingScalars -= 1 }
        try skip(first)
    }

    /// Records a scalar as a password, so no printed line shows it.
    func mask(_ scalar: YAMLEvent) {
        guard scalar.kind == .scalar else { return }
        secretSpans.append(SourceSpan(start: scalar.location, end: scalar.endLocation ?? scalar.location))
    }

    /// Where the value after a key starts on the key's line: past the blanks
    /// and the `:` that follow it (only used on the way out, after a syntax
    /// error, so the walk from the file's start costs nothing on valid files).
    func valueStart(afterKey key: (location: SourceLocation, character: Int)) -> SourceLocation {
        var column = key.location.column
        var colon = false
        for scalar in reader.source(key.character..<(key.character + 256)).unicodeScalars {
            if scalar == " " || scalar == "\t" {
                column += 1
            } else if scalar == ":", !colon {
                colon = true
                column += 1
            } else {
                break
            }
        }
        return SourceLocation(line: key.location.line, column: column)
    }

    /// libyaml stopped inside a value that may be a password: mask from the
    /// value's start to the end of the line it stopped on, in place of the
    /// scalars already masked in that stretch (spans stay in file order and
    /// apart, as `SourceFile` needs).
    func maskThroughLine(from start: SourceLocation, to stop: SourceLocation) {
        while let last = secretSpans.last, !(last.start < start) { secretSpans.removeLast() }
        let end = SourceLocation(line: max(stop.line, start.line), column: Int(Int32.max))
        secretSpans.append(SourceSpan(start: start, end: end))
    }

    /// Skips a value nobody reads, masked when it may be a password.
    func skipValue(_ value: YAMLEvent) throws(LoadStopped) {
        if secretValueStart != nil { try skipMasked(value) } else { try skip(value) }
    }

    /// A key that may hold a password: `keystore_password` and its
    /// misspellings, judged as PasswordText judges keys when it masks
    /// printed lines (`pass`, `pasw`, `pwd` or `secret` in any case).
    static func mayBeSecret(_ key: String?) -> Bool {
        guard let key = key?.lowercased() else { return false }
        return PasswordText.secretWords.contains { key.contains($0) }
    }

    static func isEnvironmentName(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = name.first, !(48...57).contains(first) else { return false }
        return name.allSatisfy { byte in
            (65...90).contains(byte) || (97...122).contains(byte) || (48...57).contains(byte) || byte == 95
        }
    }
}
