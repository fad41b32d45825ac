import Glibc

/// Where the JRE's keytool is: the first executable `keytool` in PATH.
public enum KeytoolLocator {
    public static func find(in path: String? = getenv("PATH").map { String(cString: $0) }) -> String? {
        for folder in (path ?? "").split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/keytool"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }
}
