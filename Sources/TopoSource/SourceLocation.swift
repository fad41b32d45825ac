/// A 1-based position in a topology file. Columns count characters, as
/// libyaml does, so a caret lines up under the character it points at.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static let start = SourceLocation(line: 1, column: 1)

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A stretch of a file from `start` up to (not including) `end`.
public struct SourceSpan: Hashable, Sendable {
    public var start: SourceLocation
    public var end: SourceLocation

    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end
    }
}

/// A value together with the place in the file it was read from.
public struct Located<Value> {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension Located: Sendable where Value: Sendable {}
extension Located: Equatable where Value: Equatable {}

extension Optional {
    /// Whether a value is there. `x != nil` on an optional of an
    /// `Equatable` type picks `Equatable`'s `!=`, which pairs both sides in
    /// a tuple and copies the value (and has the runtime build that tuple's
    /// type on first use); these look at the case alone.
    @inlinable
    public var isSome: Bool {
        if case .some = self { return true }
        return false
    }

    @inlinable
    public var isNone: Bool { !isSome }
}
