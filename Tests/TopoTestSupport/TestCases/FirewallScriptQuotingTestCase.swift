import Foundation
import XCTest

/// What FirewallScriptQuotingTests and FirewallScriptQuotingCLITests share:
/// a PowerShell tokenizer, as much of one as firewall.ps1 needs, written
/// here from the language's rules, and the installation names made to
/// break out of PowerShell strings.
open class FirewallScriptQuotingTestCase: TemporaryDirectoryTestCase {
    /// PowerShell's single quotes (about_Quoting_Rules; the tokenizer's
    /// IsSingleQuote): `'` and U+2018 to U+201B. Its double quotes: `"` and
    /// U+201C to U+201E.
    public static let singleQuotes: Set<Unicode.Scalar> = ["'", "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}"]
    public static let doubleQuotes: Set<Unicode.Scalar> = ["\"", "\u{201C}", "\u{201D}", "\u{201E}"]

    public enum Token: Equatable {
        case code(String)
        case single(String)
        case double(String)
        case comment(String)
    }

    /// Splits a script into code, strings and comments. A single-quoted
    /// string ends at any of the five quotes unless another of them follows;
    /// such a pair means one quote, the second. In a double-quoted string a
    /// backtick escapes the next character and a doubled quote means one.
    /// `#` starts a comment to the end of the line, `<#` one to `#>`.
    public static func tokenize(_ script: String) -> [Token] {
        var tokens: [Token] = []
        var code = ""
        var scalars = Array(script.unicodeScalars)[...]
        func flush() {
            if !code.isEmpty { tokens.append(.code(code)) }
            code = ""
        }
        while let scalar = scalars.popFirst() {
            if singleQuotes.contains(scalar) {
                flush()
                var text = ""
                while let next = scalars.popFirst() {
                    if singleQuotes.contains(next) {
                        guard let after = scalars.first, singleQuotes.contains(after) else { break }
                        text.unicodeScalars.append(scalars.removeFirst())
                    } else {
                        text.unicodeScalars.append(next)
                    }
                }
                tokens.append(.single(text))
            } else if doubleQuotes.contains(scalar) {
                flush()
                var text = ""
                while let next = scalars.popFirst() {
                    if next == "`", let escaped = scalars.popFirst() {
                        text.unicodeScalars.append(next)
                        text.unicodeScalars.append(escaped)
                    } else if doubleQuotes.contains(next) {
                        guard let after = scalars.first, doubleQuotes.contains(after) else { break }
                        text.unicodeScalars.append(scalars.removeFirst())
                    } else {
                        text.unicodeScalars.append(next)
                    }
                }
                tokens.append(.double(text))
            } else if scalar == "#" || (scalar == "<" && scalars.first == "#") {
                flush()
                var text = ""
                if scalar == "<" {
                    scalars.removeFirst()
                    while let next = scalars.popFirst(), !(next == "#" && scalars.first == ">") { text.unicodeScalars.append(next) }
                    if !scalars.isEmpty { scalars.removeFirst() }
                } else {
                    while let next = scalars.first, next != "\n", next != "\r" { text.unicodeScalars.append(scalars.removeFirst()) }
                }
                tokens.append(.comment(text))
            } else {
                code.unicodeScalars.append(scalar)
            }
        }
        flush()
        return tokens
    }

    /// Installation names made to break out of a PowerShell string.
    public static let hostileInstallations = [
        "acme’; Start-Process calc.exe; ’",
        "acme‘; Start-Process calc.exe; ‘",
        "acme‚; Start-Process calc.exe; ‛",
        "acme'; Start-Process calc.exe; '",
        "acme'\u{301}; Start-Process calc.exe; '\u{301}",
        "’’'‘‚‛ ’",
        "’",
        "$(Start-Process calc.exe) `whoami` \"dq\" “curly” „low” #not-a-comment <# not a block #>",
        "acme\u{202E}exe.txt; \u{200F}rtl",
    ]
}
