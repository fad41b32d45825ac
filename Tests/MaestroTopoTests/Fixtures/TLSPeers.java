import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Timer;
import java.util.TimerTask;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.security.auth.x500.X500Principal;

// Real Java TLS peers for the tests of `probe`: one JVM with every listener
// of a config file, each on port 0 of a loopback address.
//
//   java TLSPeers.java CONFIG_FILE LIFETIME_SECONDS
//
// CONFIG_FILE: one listener a line, tab-separated fields (empty lines and
// lines starting with # are skipped):
//   tls      ADDRESS  KEYSTORE  TYPE  TRUSTSTORE|-  PROTOCOL  NEED_CLIENT_AUTH
//   silent   ADDRESS    accepts, never writes, holds the connection until the client closes
//   closing  ADDRESS    accepts, reads what comes (at most 1 s), closes without writing
// TYPE is JKS or PKCS12 (any KeyStore type Java knows); the truststore's
// type is found from the file; "-" is the JDK's own cacerts. PROTOCOL,
// TLSv1.2 or TLSv1.3, is the only one enabled. NEED_CLIENT_AUTH: true or
// false. ADDRESS is a loopback literal 127.x.y.z; anything else is refused. The
// passwords come from the environment only: PEERS_KEYSTORE_PASSWORD,
// PEERS_KEY_PASSWORD (optional; the keystore password when unset) and
// PEERS_TRUSTSTORE_PASSWORD.
//
// stdout: "ready\tINDEX\tPORT" per listener in config order, then
// "all-ready". stderr: one line per connection,
//   conn INDEX handshake-ok CLIENT_SUBJECT|-      conn INDEX handshake-failed REASON
//   conn INDEX silent                             conn INDEX closed BYTES_READ
// and "exit\tlifetime" or "exit\tstdin-closed" when the JVM ends by itself;
// "error\tMESSAGE" (exit status 2) when the config or a store is unusable.
// Never key material or passwords.
//
// The JVM exits after LIFETIME_SECONDS, and as soon as its stdin reaches EOF
// (so a killed parent does not leave it running).
public class TLSPeers {
    static final int HANDSHAKE_TIMEOUT_MS = 5000;
    static final int CLOSING_READ_MS = 1000;
    static long deadline;

    static final class Listener {
        final int index;
        final String kind;
        final ServerSocket socket;

        Listener(int index, String kind, ServerSocket socket) {
            this.index = index;
            this.kind = kind;
            this.socket = socket;
        }
    }

    public static void main(String[] args) {
        if (args.length != 2) fail("usage: java TLSPeers.java CONFIG_FILE LIFETIME_SECONDS");
        long lifetime = 0;
        try {
            lifetime = Long.parseLong(args[1]);
        } catch (NumberFormatException e) {
            fail("lifetime is not a number of seconds: " + args[1]);
        }
        if (lifetime < 1 || lifetime > 3600) fail("lifetime must be 1 to 3600 seconds");
        deadline = System.nanoTime() + lifetime * 1_000_000_000L;

        Timer timer = new Timer("lifetime", true);
        timer.schedule(new TimerTask() {
            public void run() {
                exit("lifetime");
            }
        }, lifetime * 1000L);
        List<String> lines = null;
        try {
            lines = Files.readAllLines(Paths.get(args[0]), StandardCharsets.UTF_8);
        } catch (IOException e) {
            fail("cannot read the config file: " + reason(e));
        }
        List<Listener> listeners = new ArrayList<>();
        for (String line : lines) {
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] fields = line.split("\t", -1);
            int index = listeners.size();
            try {
                listeners.add(open(index, fields));
            } catch (Exception e) {
                fail("listener " + index + " (" + fields[0] + "): " + reason(e));
            }
        }
        if (listeners.isEmpty()) fail("the config file names no listener");

        for (Listener listener : listeners) {
            System.out.println("ready\t" + listener.index + "\t" + listener.socket.getLocalPort());
        }
        System.out.println("all-ready");
        System.out.flush();

        // Watched only from here on, so a config error is reported even
        // when stdin is empty.
        Thread stdinWatch = new Thread(() -> {
            try {
                byte[] buffer = new byte[256];
                while (System.in.read(buffer) >= 0) { }
            } catch (IOException ignored) {
            }
            exit("stdin-closed");
        }, "stdin-watch");
        stdinWatch.setDaemon(true);
        stdinWatch.start();

        List<Thread> loops = new ArrayList<>();
        for (Listener listener : listeners) {
            Thread loop = new Thread(() -> acceptLoop(listener), "accept-" + listener.index);
            loop.setDaemon(true);
            loop.start();
            loops.add(loop);
        }
        // The accept loops end at the deadline; the timer ends the JVM then too.
        for (Thread loop : loops) {
            try {
                loop.join();
            } catch (InterruptedException ignored) {
            }
        }
        exit("lifetime");
    }

    static Listener open(int index, String[] fields) throws Exception {
        String kind = fields[0];
        if (fields.length < 2) throw new IllegalArgumentException("no address");
        InetAddress address = loopback(fields[1]);
        switch (kind) {
            case "silent":
            case "closing": {
                if (fields.length != 2) throw new IllegalArgumentException("expected 2 fields, found " + fields.length);
                ServerSocket socket = new ServerSocket();
                socket.bind(new InetSocketAddress(address, 0), 50);
                return new Listener(index, kind, socket);
            }
            case "tls": {
                if (fields.length != 7) throw new IllegalArgumentException("expected 7 fields, found " + fields.length);
                String keystorePath = fields[2], type = fields[3], truststorePath = fields[4], protocol = fields[5];
                if (!fields[6].equals("true") && !fields[6].equals("false")) {
                    throw new IllegalArgumentException("NEED_CLIENT_AUTH must be true or false");
                }
                boolean needClientAuth = fields[6].equals("true");
                char[] storePassword = password("PEERS_KEYSTORE_PASSWORD", true);
                char[] keyPassword = System.getenv("PEERS_KEY_PASSWORD") != null
                    ? password("PEERS_KEY_PASSWORD", true) : storePassword;
                KeyStore keystore = KeyStore.getInstance(type);
                try (InputStream in = new FileInputStream(keystorePath)) {
                    keystore.load(in, storePassword);
                }
                KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(keystore, keyPassword);
                TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                if (truststorePath.equals("-")) {
                    trust.init((KeyStore) null);   // the JDK's own cacerts
                } else {
                    // KeyStore.getInstance(File, …) tells JKS from PKCS12 by itself.
                    trust.init(KeyStore.getInstance(new File(truststorePath), password("PEERS_TRUSTSTORE_PASSWORD", true)));
                }
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
                SSLServerSocket socket = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
                // Java 17 disables the older ones (jdk.tls.disabledAlgorithms).
                if (!protocol.equals("TLSv1.2") && !protocol.equals("TLSv1.3")
                        || !Arrays.asList(socket.getSupportedProtocols()).contains(protocol)) {
                    socket.close();
                    throw new IllegalArgumentException("unsupported protocol " + protocol + ": TLSv1.2 or TLSv1.3");
                }
                socket.setEnabledProtocols(new String[] {protocol});
                socket.setNeedClientAuth(needClientAuth);
                socket.bind(new InetSocketAddress(address, 0), 50);
                return new Listener(index, kind, socket);
            }
            default:
                throw new IllegalArgumentException("unknown listener kind");
        }
    }

    /// Only a dotted loopback literal: never a name to resolve, never another interface.
    static InetAddress loopback(String text) throws IOException {
        String[] parts = text.split("\\.", -1);
        boolean literal = parts.length == 4 && parts[0].equals("127");
        for (String part : parts) {
            if (!part.matches("[0-9]{1,3}") || Integer.parseInt(part) > 255) literal = false;
        }
        if (!literal) throw new IllegalArgumentException("refusing address " + text + ": only 127.x.y.z");
        InetAddress address = InetAddress.getByName(text);
        if (!address.isLoopbackAddress()) throw new IllegalArgumentException("refusing address " + text);
        return address;
    }

    static char[] password(String variable, boolean required) {
        String value = System.getenv(variable);
        if (value == null) {
            if (required) throw new IllegalArgumentException(variable + " is not set");
            return null;
        }
        return value.toCharArray();
    }

    static void acceptLoop(Listener listener) {
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) break;
            Socket connection;
            try {
                listener.socket.setSoTimeout((int) Math.min(left, Integer.MAX_VALUE));
                connection = listener.socket.accept();
            } catch (SocketTimeoutException e) {
                continue;
            } catch (IOException e) {
                log("listener\t" + listener.index + "\taccept-failed\t" + reason(e));
                break;
            }
            Thread handler = new Thread(() -> serve(listener, connection), "conn-" + listener.index);
            handler.setDaemon(true);
            handler.start();
        }
        try {
            listener.socket.close();
        } catch (IOException ignored) {
        }
    }

    static void serve(Listener listener, Socket connection) {
        try (Socket socket = connection) {
            switch (listener.kind) {
                case "tls":
                    serveTLS(listener.index, (SSLSocket) socket);
                    break;
                case "silent":
                    log("conn\t" + listener.index + "\tsilent");
                    socket.setSoTimeout(0);
                    drain(socket, Long.MAX_VALUE);
                    break;
                case "closing": {
                    long read = drain(socket, System.nanoTime() + CLOSING_READ_MS * 1_000_000L);
                    log("conn\t" + listener.index + "\tclosed\t" + read);
                    break;
                }
            }
        } catch (IOException ignored) {
        }
    }

    static void serveTLS(int index, SSLSocket socket) throws IOException {
        socket.setSoTimeout(HANDSHAKE_TIMEOUT_MS);
        try {
            socket.startHandshake();
        } catch (IOException e) {
            log("conn\t" + index + "\thandshake-failed\t" + reason(e));
            return;
        }
        String subject = "-";
        try {
            Certificate[] chain = socket.getSession().getPeerCertificates();
            if (chain.length > 0 && chain[0] instanceof X509Certificate) {
                subject = ((X509Certificate) chain[0]).getSubjectX500Principal().getName(X500Principal.RFC2253);
            }
        } catch (SSLPeerUnverifiedException none) {
            // No client certificate (client authentication not needed).
        }
        log("conn\t" + index + "\thandshake-ok\t" + oneLine(subject));
        drain(socket, System.nanoTime() + HANDSHAKE_TIMEOUT_MS * 1_000_000L);
    }

    /// Reads and discards until EOF, a read timeout, an error or `until`
    /// (System.nanoTime()); returns the bytes read.
    static long drain(Socket socket, long until) {
        long total = 0;
        byte[] buffer = new byte[4096];
        try {
            InputStream in = socket.getInputStream();
            while (true) {
                if (until != Long.MAX_VALUE) {
                    long left = (until - System.nanoTime()) / 1_000_000L;
                    if (left <= 0) break;
                    socket.setSoTimeout((int) left);
                }
                int count = in.read(buffer);
                if (count < 0) break;
                total += count;
            }
        } catch (IOException e) {
            // A timeout or a reset ends the connection as EOF does.
        }
        return total;
    }

    static String reason(Throwable e) {
        // The exception and the causes that add something to its message.
        StringBuilder text = new StringBuilder(e.getClass().getSimpleName());
        if (e.getMessage() != null) text.append(": ").append(e.getMessage());
        for (Throwable cause = e.getCause(); cause != null && text.length() < 400; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && text.indexOf(message) >= 0) continue;
            text.append(" <- ").append(cause.getClass().getSimpleName());
            if (message != null) text.append(": ").append(message);
        }
        return oneLine(text.toString());
    }

    static String oneLine(String text) {
        return text.replaceAll("[\\t\\r\\n\\p{Cntrl}]+", " ");
    }

    static synchronized void log(String line) {
        PrintStream err = System.err;
        err.println(line);
        err.flush();
    }

    static boolean exiting;

    /// Ends the JVM, logging why once.
    static synchronized void exit(String why) {
        if (!exiting) {
            exiting = true;
            log("exit\t" + why);
        }
        System.exit(0);
    }

    static void fail(String message) {
        log("error\t" + oneLine(message));
        System.exit(2);
    }
}
