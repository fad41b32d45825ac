import TopoSource
import TopoYAML
import TopoModel

/// Stops reading: libyaml refused the text, or a limit was hit. The
/// diagnostic has been recorded already.
struct LoadStopped: Error {}

/// One file's walk over libyaml's events. Helpers take the first event of a
/// value (already read) and consume the rest of it, so every value is read
/// exactly once and a value the format does not want is skipped in place.
final class LoadSession {
    let reader: YAMLEventReader
    let limits: LoaderLimits
    var diagnostics: [Diagnostic] = []
    /// Where literal passwords stand, so printed source lines can hide them.
    var secretSpans: [SourceSpan] = []
    private var depth = 0
    /// The key whose value is being read, innermost first; a syntax error
    /// inside that value must not quote it back if it may be a password.
    private var valueKey: String?
    /// Just past the outermost key, as parsed (escapes decoded), whose value
    /// may hold a password: `keystore_password` or a key like it. A syntax
    /// error inside that value masks everything from here on its line.
    var secretValueStart: (location: SourceLocation, character: Int)?
    /// Above zero while skipping what may be a password: every scalar read
    /// then, keys included, is masked in printed lines.
    var maskingScalars = 0

    init(input: UnsafeBufferPointer<UInt8>, limits: LoaderLimits) {
        reader = YAMLEventReader(input: input)
        self.limits = limits
    }

    func run() -> LoadResult {
        var topology: Topology?
        do {
            _ = try next()  // stream start
            let start = try next()
            if start.kind == .streamEnd {
                report(InvalidValue.self, InvalidValueText.emptyFile, at: .start)
                return finish(nil, stoppedEarly: false)
            }
            let root = try next()
            if root.kind == .mappingStart {
                topology = try readTopology(root)
            } else {
                report(InvalidValue.self, InvalidValueText.notAMapping(root), at: root.location)
                try skip(root)
            }
            _ = try next()  // document end
            let after = try next()
            if after.kind == .documentStart {
                report(UnsupportedYAML.self, UnsupportedYAMLText.severalDocuments, at: after.location)
            }
        } catch {
            return finish(topology, stoppedEarly: true)
        }
        return finish(topology, stoppedEarly: false)
    }

    private func finish(_ topology: Topology?, stoppedEarly: Bool) -> LoadResult {
        LoadResult(topology: topology, diagnostics: diagnostics, stoppedEarly: stoppedEarly, secretSpans: secretSpans)
    }

    // MARK: Events

    /// The next event, with the checks every node gets: nesting depth,
    /// scalar length, and the YAML features the format does not allow.
    /// Inlined where values are read, as it runs for every event; what
    /// reports a finding runs out of line.
    @inline(__always)
    func next() throws(LoadStopped) -> YAMLEvent {
        let event: YAMLEvent
        do {
            event = try reader.next()
        } catch {
            throw refused(error)
        }
        if diagnostics.count > limits.maxFindings { throw tooManyFindings() }
        switch event.kind {
        case .mappingStart, .sequenceStart:
            depth += 1
            if depth > limits.maxDepth { throw overLimit(InputLimitText.depth(limits.maxDepth), at: event.location) }
        case .mappingEnd, .sequenceEnd:
            depth -= 1
        case .scalar:
            if maskingScalars > 0 { mask(event) }
            if event.bytes.count > limits.maxScalarLength {
                throw overLimit(
                    InputLimitText.scalar(event.bytes.count, limit: limits.maxScalarLength), at: event.location)
            }
        default:
            break
        }
        if event.kind == .alias || event.tagPointer != nil || event.anchorPointer != nil { reportUnsupported(event) }
        return event
    }

    /// libyaml refused the text: reported, with what may be a password
    /// masked on the line it stopped on.
    private func refused(_ error: YAMLSyntaxError) -> LoadStopped {
        if let start = secretValueStart { maskThroughLine(from: valueStart(afterKey: start), to: error.location) }
        report(YAMLSyntax.self, error.message, at: error.location,
               notes: YAMLSyntaxText.notes(
                   for: error, mayQuoteTyped: secretValueStart == nil && !Self.mayBeSecret(valueKey)))
        return LoadStopped()
    }

    private func tooManyFindings() -> LoadStopped {
        // Keep the first ones; stop where the first one too many stood.
        let first = diagnostics[limits.maxFindings]
        diagnostics.removeSubrange(limits.maxFindings...)
        report(InputLimit.self, InputLimitText.findings(limits.maxFindings), at: first.location)
        return LoadStopped()
    }

    private func overLimit(_ message: String, at location: SourceLocation) -> LoadStopped {
        report(InputLimit.self, message, at: location)
        return LoadStopped()
    }

    /// An alias, a tag or an anchor: YAML features the format does not allow.
    private func reportUnsupported(_ event: YAMLEvent) {
        if event.kind == .alias {
            reportUnsupported(UnsupportedYAMLText.alias(event.anchor ?? "", shown: !readingSecret), at: event.location)
        }
        if event.tagPointer != nil, let tag = event.tag {
            reportUnsupported(UnsupportedYAMLText.tag(tag, shown: !readingSecret), at: event.location)
        }
        if event.kind != .alias, event.anchorPointer != nil, let anchor = event.anchor {
            reportUnsupported(UnsupportedYAMLText.anchor(anchor, shown: !readingSecret), at: event.location)
        }
    }

    /// Consumes the rest of a node whose first event is `first`.
    func skip(_ first: YAMLEvent) throws(LoadStopped) {
        guard first.isCollectionStart else { return }
        var open = 1
        while open > 0 {
            let event = try next()
            if event.isCollectionStart {
                open += 1
            } else if event.kind == .mappingEnd || event.kind == .sequenceEnd {
                open -= 1
            }
        }
    }

    func report<R: LoadRule>(
        _ rule: R.Type, _ message: String, at location: SourceLocation,
        host: String? = nil, notes: [String] = []
    ) {
        diagnostics.append(R.diagnostic(message, at: location, host: host, notes: notes))
    }

    // MARK: Mappings

    /// Walks a mapping whose start event has been read. For each new key,
    /// `handle` gets the key and the first event of its value and returns
    /// false when the key is not one the section knows; that value is then
    /// skipped and reported with the nearest known key.
    func readMapping(
        section: Section, host: String? = nil,
        _ handle: (Located<String>, YAMLEvent) throws(LoadStopped) -> Bool
    ) throws(LoadStopped) {
        var seen = KeyTracker()
        while true {
            let keyEvent = try next()
            if keyEvent.kind == .mappingEnd { return }
            guard keyEvent.kind == .scalar else {
                report(InvalidValue.self, InvalidValueText.complexKey(keyEvent), at: keyEvent.location, host: host)
                if secretValueStart != nil {
                    try skipMasked(keyEvent)
                    try skipMasked(try next())
                } else {
                    try skip(keyEvent)
                    try skip(try next())
                }
                continue
            }
            let (name, index) = section.key(for: keyEvent)
            let key = Located(name, at: keyEvent.location)
            let outerKey = valueKey, outerStart = secretValueStart
            valueKey = name
            // Judged on the key as parsed, so `"keystore_p\u0061ssword"` counts.
            // A known key is judged by name alone (the usual key costs no
            // lower-casing); host names are never taken for password keys.
            if secretValueStart == nil,
               index.map({ section.isPasswordKey(at: $0) }) ?? (section != .hosts && Self.mayBeSecret(name)) {
                secretValueStart = (keyEvent.endLocation ?? keyEvent.location, keyEvent.sourceRange.upperBound)
            }
            defer { valueKey = outerKey; secretValueStart = outerStart }
            if section == .secret, index == nil {
                // Not `env` or `file`: the key itself may be the password
                // (`{S3cr3t}`), so it is neither quoted nor shown.
                mask(keyEvent)
                report(UnknownKey.self, UnknownKeyText.unknownInSecret, at: key.location, host: host,
                       notes: [UnknownKeyText.allowed(section)])
                try skipMasked(try next())
                continue
            }
            let value = try next()
            if let first = seen.insert(key.value, index: index, at: key.location) {
                report(
                    DuplicateKey.self, DuplicateKeyText.repeated(key.value, in: section), at: key.location,
                    host: host, notes: [DuplicateKeyText.firstAt(first)])
                try skipValue(value)
                continue
            }
            if try !handle(key, value) {
                reportUnknownKey(key, in: section, host: host)
                try skipValue(value)
            }
        }
    }

    /// `unknown-key` with the nearest known keys and the allowed ones.
    func reportUnknownKey(_ key: Located<String>, in section: Section, host: String?) {
        let suggestions = Suggestion.keys(for: key.value, in: section)
        report(
            UnknownKey.self, UnknownKeyText.unknown(key.value, in: section, suggestions: suggestions),
            at: key.location, host: host, notes: [UnknownKeyText.allowed(section)])
    }

    /// Reads a mapping value, or reports what stood there instead.
    func expectMapping(
        _ first: YAMLEvent, key: String, section: Section, host: String? = nil,
        _ handle: (Located<String>, YAMLEvent) throws(LoadStopped) -> Bool
    ) throws(LoadStopped) -> Bool {
        guard first.kind == .mappingStart else {
            report(InvalidValue.self, InvalidValueText.expected("a mapping", for: key, found: first),
                   at: first.location, host: host)
            try skip(first)
            return false
        }
        try readMapping(section: section, host: host, handle)
        return true
    }
}

/// The keys a mapping has had so far, with where each was first seen. A
/// section's own keys (at most a dozen) are tracked in a bit mask and a
/// fixed row of positions, so the usual mapping allocates nothing; other
/// keys (host names, unknown keys) go to a `FirstSeen`.
struct KeyTracker {
    private var mask: UInt16 = 0
    private var firsts = (SourceLocation.start, SourceLocation.start, SourceLocation.start, SourceLocation.start,
                          SourceLocation.start, SourceLocation.start, SourceLocation.start, SourceLocation.start,
                          SourceLocation.start, SourceLocation.start, SourceLocation.start, SourceLocation.start)
    private var others = FirstSeen<SourceLocation>()

    mutating func insert(_ key: String, index: Int?, at location: SourceLocation) -> SourceLocation? {
        guard let index, index < 12 else { return others.insert(key, at: location) }
        return withUnsafeMutableBytes(of: &firsts) { raw in
            let slots = raw.bindMemory(to: SourceLocation.self)
            if mask & (1 << index) != 0 { return slots[index] }
            mask |= 1 << index
            slots[index] = location
            return nil
        }
    }
}

/// Remembers the first value recorded for each key. Most uses see a handful
/// of keys, where a linear scan beats hashing; `hosts` may have thousands,
/// so past a few dozen keys a dictionary takes over and the whole stays
/// linear.
struct FirstSeen<Value> {
    private var few: [(String, Value)] = []
    private var many: [String: Value]?

    /// Records `key` with `location`; returns the first value if the key
    /// was seen before (and then records nothing).
    mutating func insert(_ key: String, at location: Value) -> Value? {
        if many.isSome {
            if let first = many![key] { return first }
            many![key] = location
            return nil
        }
        // Names of another length differ: the count is stored, the text is not compared.
        let count = key.utf8.count
        if let first = few.first(where: { $0.0.utf8.count == count && $0.0 == key }) { return first.1 }
        if few.isEmpty { few.reserveCapacity(8) }
        few.append((key, location))
        if few.count > 32 {
            many = Dictionary(few, uniquingKeysWith: { a, _ in a })
            few = []
        }
        return nil
    }
}
