import TopoModel
#if canImport(Glibc)
import Glibc
#endif

/// The JRE's keytool as a child process, for the keystore types only Java
/// reads. The password goes into the child's environment — never its
/// arguments, which every user can read in `ps` — from a buffer of our own
/// that is zeroed once the child is started; the inherited locale is
/// replaced by C.UTF-8, so keytool speaks English and prints aliases as
/// UTF-8. Its standard input is /dev/null, so a keytool that would ask
/// for a key password fails instead of waiting.
public enum KeytoolProcess {
    /// The variable `-storepass:env` and `-keypass:env` name.
    public static let passwordVariable = "MAESTRO_TOPO_KEYSTORE_PASSWORD"
    /// More output than any keystore listing: a runaway child is cut off.
    public static let outputLimit = 16 << 20

    public struct Outcome: Sendable {
        /// The exit status; nil when a signal ended the child.
        public var status: Int32?
        /// Standard output and standard error, interleaved.
        public var output: [UInt8]
    }

    public struct SpawnFailure: Error {
        public var reason: String
    }

    public static func run(_ keytool: String, _ arguments: [String], password: [UInt8]) throws(SpawnFailure) -> Outcome {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw SpawnFailure(reason: String(cString: strerror(errno))) }
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 2)
        posix_spawn_file_actions_addclose(&actions, fds[1])
        let argv: [UnsafeMutablePointer<CChar>?] = ([keytool] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }

        let secretSize = passwordVariable.utf8.count + 1 + password.count + 1
        let secret = UnsafeMutablePointer<CChar>.allocate(capacity: secretSize)
        defer {
            SecretMemory.wipe(UnsafeMutableRawBufferPointer(start: secret, count: secretSize))
            secret.deallocate()
        }
        // Written byte by byte: a joined array would be a copy left behind.
        var offset = 0
        for byte in passwordVariable.utf8 {
            secret[offset] = CChar(bitPattern: byte)
            offset += 1
        }
        secret[offset] = CChar(bitPattern: UInt8(ascii: "="))
        for byte in password {
            offset += 1
            secret[offset] = CChar(bitPattern: byte)
        }
        secret[offset + 1] = 0
        let locale = strdup("LC_ALL=C.UTF-8")
        defer { free(locale) }
        let envp = inheritedEnvironment() + [locale, secret, nil]

        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, keytool, &actions, nil, argv, envp)
        close(fds[1])
        guard spawned == 0 else {
            close(fds[0])
            throw SpawnFailure(reason: String(cString: strerror(spawned)))
        }
        let output = readAll(fds[0])
        close(fds[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return Outcome(status: status & 0x7F == 0 ? (status >> 8) & 0xFF : nil, output: output)
    }

    /// This process's environment without the variables replaced above
    /// (the locale ones, and a password variable some parent left).
    private static func inheritedEnvironment() -> [UnsafeMutablePointer<CChar>?] {
        let dropped = ["LC_ALL=", "LC_MESSAGES=", "LANG=", "LANGUAGE=", passwordVariable + "="].map { Array($0.utf8) }
        var kept: [UnsafeMutablePointer<CChar>?] = []
        var cursor: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = environ
        while let entry = cursor?.pointee {
            let drop = dropped.contains { prefix in
                prefix.indices.allSatisfy { entry[$0] == CChar(bitPattern: prefix[$0]) }
            }
            if !drop { kept.append(entry) }
            cursor = cursor.map { $0 + 1 }
        }
        return kept
    }

    /// Reads until end of file, or until the limit (the rest is drained
    /// unread so the child does not block on a full pipe).
    private static func readAll(_ fd: Int32) -> [UInt8] {
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            if output.count < outputLimit { output.append(contentsOf: buffer[0..<min(count, outputLimit - output.count)]) }
        }
        return output
    }
}
