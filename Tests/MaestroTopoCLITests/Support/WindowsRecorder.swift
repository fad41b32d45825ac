import Foundation
import TopoTestSupport
import XCTest

/// `recorder.exe`: a freestanding Windows program that plays keytool and
/// icacls in the Wine tests. It is a real Windows process, so cmd waits for
/// it and gets its exit code, and it sees its command line as keytool.exe
/// would (CommandLineToArgvW). Built with the Swift toolchain's clang-cl and
/// lld-link; no Windows SDK is needed.
///
/// Environment it reads:
/// - RECORDER_DIR (a Windows path): appends `--- PROGRAM` and one argument
///   a file `calls-<time>.log` there, one per call.
/// - RECORDER_FAIL: `-command` or `-command ARG`: that call exits 1.
/// - RECORDER_REAL (a Windows path): hand a keytool call (one starting with
///   a `-command`) to the `KeytoolRelay` watching that folder, which runs
///   the real keytool, and return its output and exit code. Otherwise the
///   call succeeds, except `-exportcert`, which finds no alias.
enum WindowsRecorder {
    /// Builds recorder.exe into `directory`.
    static func build(in directory: URL) throws -> URL {
        let clang = try Tool.require("clang-cl")
        let lld = try Tool.require("lld-link")
        try Data(source.utf8).write(to: directory.appendingPathComponent("recorder.c"))
        try Data(kernel32.utf8).write(to: directory.appendingPathComponent("kernel32.def"))
        try Data("LIBRARY shell32.dll\nEXPORTS\nCommandLineToArgvW\n".utf8).write(to: directory.appendingPathComponent("shell32.def"))
        let steps: [(String, [String])] = [
            (lld, ["/lib", "/def:kernel32.def", "/machine:x64", "/out:kernel32.lib"]),
            (lld, ["/lib", "/def:shell32.def", "/machine:x64", "/out:shell32.lib"]),
            (clang, ["/c", "/O1", "/GS-", "/Zl", "--target=x86_64-pc-windows-msvc", "recorder.c", "/Forecorder.obj"]),
            (lld, ["/entry:start", "/subsystem:console", "/nodefaultlib", "recorder.obj", "kernel32.lib", "shell32.lib",
                   "/out:recorder.exe"]),
        ]
        for (program, arguments) in steps {
            let run = try Tool.runProgram(program, arguments, in: directory)
            guard run.status == 0 else {
                XCTFail("building recorder.exe failed: \(run.stdout)\(run.stderr)")
                throw XCTSkip("recorder.exe could not be built")
            }
        }
        return directory.appendingPathComponent("recorder.exe")
    }

    static let kernel32 = """
        LIBRARY kernel32.dll
        EXPORTS
        GetCommandLineW
        GetEnvironmentVariableW
        CreateFileW
        WriteFile
        ReadFile
        CloseHandle
        WideCharToMultiByte
        GetStdHandle
        ExitProcess
        Sleep
        QueryPerformanceCounter
        DeleteFileW
        MoveFileW
        GetCurrentDirectoryW

        """

    static let source = #"""
        typedef unsigned short WCHAR;
        typedef void *HANDLE;
        typedef int BOOL;
        typedef unsigned long DWORD;
        #define API __declspec(dllimport) __stdcall
        API WCHAR *GetCommandLineW(void);
        API WCHAR **CommandLineToArgvW(const WCHAR *, int *);
        API DWORD GetEnvironmentVariableW(const WCHAR *, WCHAR *, DWORD);
        API HANDLE CreateFileW(const WCHAR *, DWORD, DWORD, void *, DWORD, DWORD, HANDLE);
        API BOOL WriteFile(HANDLE, const void *, DWORD, DWORD *, void *);
        API BOOL ReadFile(HANDLE, void *, DWORD, DWORD *, void *);
        API BOOL CloseHandle(HANDLE);
        API int WideCharToMultiByte(unsigned, DWORD, const WCHAR *, int, char *, int, const char *, BOOL *);
        API HANDLE GetStdHandle(DWORD);
        API void ExitProcess(unsigned);
        API void Sleep(DWORD);
        API BOOL QueryPerformanceCounter(long long *);
        API BOOL DeleteFileW(const WCHAR *);
        API BOOL MoveFileW(const WCHAR *, const WCHAR *);
        API DWORD GetCurrentDirectoryW(DWORD, WCHAR *);

        #define GENERIC_READ 0x80000000UL
        #define GENERIC_WRITE 0x40000000UL
        #define OPEN_EXISTING 3
        #define OPEN_ALWAYS 4
        #define CREATE_ALWAYS 2
        #define FILE_APPEND_DATA 4
        #define INVALID ((HANDLE)(long long)-1)

        static char out[1 << 16];
        static int used;
        static WCHAR dir[1024], relay[1024], path[1100], from[1100], value[4096], rule[256];
        static char buffer[4096];

        static void put(const char *s) { while (*s && used < (int)sizeof out - 1) out[used++] = *s++; }
        static void putw(const WCHAR *w) {
            used += WideCharToMultiByte(65001, 0, w, -1, out + used, (int)sizeof out - used, 0, 0) - 1;
        }
        static int equal(const WCHAR *a, const WCHAR *b) {
            while (*a && *a == *b) { a++; b++; }
            return *a == *b;
        }
        static int is(const WCHAR *a, const char *b) {
            while (*a && *b && *a == (WCHAR)*b) { a++; b++; }
            return *a == 0 && *b == 0;
        }
        static WCHAR *base;
        static void join(const char *name) {
            int i = 0, j = 0;
            while (base[i]) { path[i] = base[i]; i++; }
            path[i++] = '\\';
            while (name[j]) path[i++] = (WCHAR)name[j++];
            path[i] = 0;
        }
        static void write_out(const char *name, DWORD disposition, DWORD access) {
            DWORD n;
            join(name);
            /* Under load, Wine may still hold the file for the call before
               (its process ending): try again for up to ten seconds rather
               than lose a line of the log. */
            HANDLE h = INVALID;
            for (int tries = 0; tries < 1000 && (h = CreateFileW(path, access, 1 | 2 | 4, 0, disposition, 0x80, 0)) == INVALID; tries++)
                Sleep(10);
            if (h == INVALID) ExitProcess(97);
            WriteFile(h, out, (DWORD)used, &n, 0);
            CloseHandle(h);
        }

        void start(void) {
            int argc = 0, i;
            WCHAR **argv = CommandLineToArgvW(GetCommandLineW(), &argc);
            if (!GetEnvironmentVariableW(L"RECORDER_DIR", dir, 1024)) ExitProcess(98);
            base = dir;
            put("--- ");
            putw(argv[0]);
            put("\n");
            for (i = 1; i < argc; i++) { putw(argv[i]); put("\n"); }
            /* One log file per call, named by the time of the call (fixed-width
               hex, so names sort in call order): no call waits for the file
               of the one before, which Wine may still hold under load. */
            {
                long long now = 0;
                char name[32] = "calls-";
                QueryPerformanceCounter(&now);
                for (i = 0; i < 16; i++) name[6 + i] = "0123456789abcdef"[(now >> (60 - 4 * i)) & 15];
                name[22] = '.'; name[23] = 'l'; name[24] = 'o'; name[25] = 'g'; name[26] = 0;
                write_out(name, CREATE_ALWAYS, GENERIC_WRITE);
            }

            if (argc > 1 && GetEnvironmentVariableW(L"RECORDER_FAIL", rule, 256)) {
                WCHAR *second = rule;
                while (*second && *second != ' ') second++;
                if (*second) *second++ = 0; else second = 0;
                if (equal(rule, argv[1])) {
                    if (!second) ExitProcess(1);
                    for (i = 2; i < argc; i++) if (equal(second, argv[i])) ExitProcess(1);
                }
            }
            /* Only keytool calls (their first argument is a -command) go to the relay. */
            if (!GetEnvironmentVariableW(L"RECORDER_REAL", relay, 1024) || argc < 2 || argv[1][0] != '-')
                ExitProcess(argc > 1 && is(argv[1], "-exportcert") ? 1 : 0);
            base = relay;

            /* The relay runs the real keytool with what it needs to know. */
            used = 0;
            put("CWD ");
            GetCurrentDirectoryW(4096, value);
            putw(value);
            put("\n");
            for (i = 2; i < argc; i++) {
                if (is(argv[i - 1], "-storepass:env") || is(argv[i - 1], "-new:env") || is(argv[i - 1], "-keypass:env")) {
                    put("ENV ");
                    putw(argv[i]);
                    put("=");
                    if (GetEnvironmentVariableW(argv[i], value, 4096)) putw(value);
                    put("\n");
                }
            }
            for (i = 1; i < argc; i++) { put("ARG "); putw(argv[i]); put("\n"); }
            write_out("request.tmp", CREATE_ALWAYS, GENERIC_WRITE);
            join("request.tmp");
            for (i = 0; (from[i] = path[i]); i++) {}
            join("request.txt");
            MoveFileW(from, path);
            join("done.txt");
            HANDLE h;
            while ((h = CreateFileW(path, GENERIC_READ, 1 | 2 | 4, 0, OPEN_EXISTING, 0x80, 0)) == INVALID) Sleep(10);
            DWORD n = 0;
            ReadFile(h, buffer, 15, &n, 0);
            CloseHandle(h);
            DeleteFileW(path);
            int rc = 0;
            for (i = 0; i < (int)n && buffer[i] >= '0' && buffer[i] <= '9'; i++) rc = rc * 10 + buffer[i] - '0';
            join("stdout.txt");
            h = CreateFileW(path, GENERIC_READ, 1 | 2 | 4, 0, OPEN_EXISTING, 0x80, 0);
            if (h != INVALID) {
                HANDLE o = GetStdHandle((DWORD)-11);
                DWORD w;
                while (ReadFile(h, buffer, sizeof buffer, &n, 0) && n) WriteFile(o, buffer, n, &w, 0);
                CloseHandle(h);
                DeleteFileW(path);
            }
            ExitProcess((unsigned)rc);
        }

        """#
}

/// Runs the real keytool for the calls `recorder.exe` hands over (with
/// RECORDER_REAL set): paths on Z: become Unix paths, the password
/// variables the call names come along, and the output and exit code go
/// back.
final class KeytoolRelay: @unchecked Sendable {
    let directory: URL
    let keytool: String
    private let lock = NSLock()
    private var running = true
    private let finished = DispatchSemaphore(value: 0)

    init(directory: URL, keytool: String) {
        self.directory = directory
        self.keytool = keytool
        Thread.detachNewThread { [self] in loop() }
    }

    func stop() {
        lock.lock()
        running = false
        lock.unlock()
        finished.wait()
    }

    private var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        return running
    }

    private func loop() {
        let request = directory.appendingPathComponent("request.txt")
        while isRunning {
            if let text = try? String(contentsOf: request, encoding: .utf8) {
                try? FileManager.default.removeItem(at: request)
                serve(text)
            } else {
                usleep(10_000)
            }
        }
        finished.signal()
    }

    private static func unix(_ value: String) -> String {
        guard value.count > 2, value.prefix(2).uppercased() == "Z:" else { return value }
        return String(value.dropFirst(2)).replacingOccurrences(of: "\\", with: "/")
    }

    private func serve(_ text: String) {
        var arguments: [String] = []
        var environment: [String: String] = [:]
        var directoryPath = "/"
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("CWD ") { directoryPath = Self.unix(String(line.dropFirst(4))) }
            if line.hasPrefix("ENV "), let equals = line.firstIndex(of: "=") {
                environment[String(line[line.index(line.startIndex, offsetBy: 4)..<equals])] = String(line[line.index(after: equals)...])
            }
            if line.hasPrefix("ARG ") { arguments.append(Self.unix(String(line.dropFirst(4)))) }
        }
        let status: Int32
        var output = Data()
        do {
            let run = try Tool.runProgram(keytool, arguments, environment: environment, in: URL(fileURLWithPath: directoryPath))
            status = run.status
            output = Data(run.stdout.utf8)
        } catch {
            status = 99
        }
        try? output.write(to: directory.appendingPathComponent("stdout.txt"))
        // Written aside and renamed, so the recorder never reads half of it.
        let done = directory.appendingPathComponent("done.tmp")
        try? Data("\(status)\n".utf8).write(to: done)
        try? FileManager.default.moveItem(at: done, to: directory.appendingPathComponent("done.txt"))
    }
}
