import TopoSource
import TopoModel

/// What a Windows host's paths and CA name must not hold, because
/// `certificate.cmd` cannot carry it: a `"` would end the quoting of a
/// `set "MT_X=..."` line and of every argument, `*` separates the values
/// its `:line` loop takes apart, and a control character ends the line. No
/// Windows path holds any of them. `invalid-value` reports them where the
/// value is written, so `validate` and `plan` catch what `bundle` refuses;
/// `bundle` checks its plan again with the same sets (ScriptValues).
public enum CmdValue {
    /// The first character of a path that certificate.cmd cannot carry.
    public static func refusedInPath(_ path: String) -> Unicode.Scalar? {
        path.unicodeScalars.first { $0 == "\"" || $0 == "*" || $0.isControlOrLineBreak }
    }

    /// The first character of free text (the CA name) it cannot carry.
    public static func refusedInText(_ text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first { $0 == "\"" || $0.isControlOrLineBreak }
    }

    public static func describe(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\"": "a double quote (\")"
        case "*": "an asterisk (*)"
        default: "a control character (\(String(scalar).withVisibleControls))"
        }
    }

    static func why(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\"": "certificate.cmd passes every value in double quotes, so one inside a value would end it early"
        case "*": "certificate.cmd separates the values it passes to keytool with '*', so one inside a value would split it"
        default: "a control character ends a line of certificate.cmd"
        }
    }
}

extension InvalidValue {
    /// The loader reads each value alone; what a Windows server's values
    /// must not hold is known only with defaults applied, so invalid-value
    /// also has a check over the model: the values of Windows Maestro
    /// servers that certificate.cmd cannot carry, `install_folder`,
    /// `keystore` and `trusted_root_keystore` (a derived keystore comes
    /// from the install folder, which is reported instead) and, with SSL
    /// on, the CA name.
    public static func check(_ context: RuleContext, into sink: inout FindingSink) {
        var reported: Set<SourceLocation> = []  // a value in `defaults` is shared by many hosts
        func report(_ key: String, _ value: Located<String>, host: String, refused: (String) -> Unicode.Scalar?, note: String) {
            guard let bad = refused(value.value), reported.insert(value.location).inserted else { return }
            sink.emit(
                Self.self, "\(key) '\(value.value)' of Windows host '\(host)' holds \(CmdValue.describe(bad)), which \(note)",
                at: value.location, host: host,
                notes: [CmdValue.why(bad) + "; bundle refuses the host until the value is corrected"])
        }
        for server in context.resolved.maestroServers where server.os.value == .windows {
            let path = "no Windows path holds"
            report("install_folder", server.installFolder, host: server.name, refused: CmdValue.refusedInPath, note: path)
            let ssl = server.ssl
            if ssl.keystoreIsExplicit {
                report("keystore", ssl.keystore, host: server.name, refused: CmdValue.refusedInPath, note: path)
            }
            if ssl.trustedRootKeystoreIsExplicit {
                report("trusted_root_keystore", ssl.trustedRootKeystore, host: server.name, refused: CmdValue.refusedInPath,
                       note: path)
            }
            if ssl.enabled, let ca = ssl.ca {
                report("ca", ca, host: server.name, refused: CmdValue.refusedInText, note: "certificate.cmd cannot carry")
            }
        }
    }
}
