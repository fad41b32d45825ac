import TopoPlan

/// `certificate.cmd`. cmd.exe parses a line before it runs it, and a value
/// expanded with `%NAME%` or `!NAME!` takes part in that parse: a `)`
/// closes a block early, `&` starts another command, `^` and `!` vanish,
/// and CALL expands `%` a second time. Wine's cmd, which the tests use,
/// even rescans every expanded value for `%` and `!`. So no value is ever
/// expanded that way:
///
/// - Planned values are literals in `set "MT_X=..."` lines (`Quoting.cmd`:
///   `%` doubled), with delayed expansion off, so `!` is plain text.
/// - A value reaches a command through a FOR variable, which cmd substitutes
///   after it has parsed the line. The script writes its own variables to a
///   file (`>file set MT_`, a built-in command) and reads them back with
///   `for /f "usebackq tokens=1* delims==" %%A in (file) do if /i
///   "%%A"=="MT_X" ...`; the `if` keeps the exact name. Variables of the
///   caller's environment (KEYSTORE, TRUSTSTORE, KEYTOOL) are read the same
///   way from `('set KEYSTORE')`, a pipe, so that KEYSTORE_PASSWORD, which
///   `set KEYSTORE` lists too, never goes into a file.
/// - A command that needs several values gets them all from one FOR, never
///   from nested ones: an inner FOR substitutes its variables in text that
///   already holds the outer values, so a path with `%D` in it would lose
///   it to an inner `%%D` (Wine's cmd even loops on it). `:line` writes the
///   values, each followed by `*`, which no Windows path holds, onto one
///   line (`set /p` with input from nul writes its prompt without a line
///   break), and `for /f "tokens=1-3 delims=*"` hands them over together.
/// - The one exception is the temporary folder, `%MT_WORK%`, made from TEMP
///   and always written inside quotes on a line without a block; the file
///   the values go through has to be named somehow.
/// - Host names, aliases and the subject are RFC 1123 text and appear as
///   `%MT_HOST%`.
/// - keytool and icacls are started without CALL, each as the last command
///   of a subroutine reached by `call :label`: a keytool.cmd then takes that
///   subroutine's place and returns to its caller when it ends, and no CALL
///   expands the arguments a second time or doubles their carets.
/// - No parenthesised block holds a value; failures go through `goto`.
extension CertificateScript {
    static func cmd(for server: ServerPlan, certificate: CertificatePlan) -> String {
        let text = cmdHeader(server, certificate) + cmdCommands(server, certificate) + cmdSubroutines(passwordVariable(server))
        // cmd.exe wants CRLF line ends.
        return text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
    }

    /// icacls arguments for the trusted-root keystore (after `/reset`).
    static let truststoreRights = "/inheritance:r /grant:r *S-1-5-18:F *S-1-5-32-544:F *S-1-5-32-545:R"
    /// icacls arguments for the server keystore, as for ssl.ini.
    static let keystoreRights = "/inheritance:r /grant:r *S-1-5-18:R *S-1-5-32-544:F"

    /// Writes the script's variables to the file `with` reads. The
    /// redirection comes first: after the name, its space would belong to it.
    static let saveValues = #">"%MT_WORK%\values" set MT_"#

    /// `body` with the value of the script's variable `name` in
    /// `%%<next letter>`, as `saveValues` last wrote it.
    static func with(_ name: String, _ letter: Character, _ body: String) -> String {
        #"for /f "usebackq tokens=1* delims==" %%\#(letter) in ("%MT_WORK%\values") do if /i "%%\#(letter)"=="\#(name)" \#(body)"#
    }

    /// `body` with the value of the caller's environment variable `name`.
    static func withEnvironment(_ name: String, _ letter: Character, _ body: String) -> String {
        #"for /f "tokens=1* delims==" %%\#(letter) in ('set \#(name)') do if /i "%%\#(letter)"=="\#(name)" \#(body)"#
    }

    /// `body` with the values of the script's variables `names` in `%%A`,
    /// `%%B`, `%%C`, all from one FOR (see `:line`).
    static func withAll(_ names: [String], _ body: String) -> String {
        "call :line \(names.joined(separator: " "))\n"
            + #"for /f "usebackq tokens=1-\#(names.count) delims=*" %%A in ("%MT_WORK%\line") do \#(body)"#
    }

    /// keytool (MT_KEYTOOL) with `arguments`, then `-keystore` MT_STORE and
    /// `-storepass:env` with `password` (the variable MT_STOREPASS names);
    /// the value of variable `file` comes in `%%C`.
    static func keytool(_ arguments: String, password: String = "%MT_STOREPASS%", file: String? = nil) -> String {
        withAll(["MT_KEYTOOL", "MT_STORE"] + (file.map { [$0] } ?? []),
                #""%%A" \#(arguments) -keystore "%%B" -storepass:env \#(password)"#)
    }
}
