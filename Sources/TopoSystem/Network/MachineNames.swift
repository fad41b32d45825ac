import Glibc

/// The names this machine goes by: its host name, that name's canonical
/// form (the FQDN, from the resolver), and the names its own non-loopback
/// addresses resolve to. What `verify` compares with the planned name.
public enum MachineNames {
    public static func current() -> [String] {
        var names: [String] = []
        func add(_ name: String?) {
            guard let name, !name.isEmpty, !names.contains(name) else { return }
            names.append(name)
        }
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return names }
        let hostName = String(cString: buffer)
        add(hostName)
        add(canonicalName(of: hostName))
        for address in ownAddresses() { add(reverseName(of: address)) }
        return names
    }

    /// The resolver's canonical name for `name` (usually the FQDN).
    static func canonicalName(of name: String) -> String? {
        var hints = addrinfo()
        hints.ai_flags = AI_CANONNAME
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(name, nil, &hints, &result) == 0, let first = result else { return nil }
        defer { freeaddrinfo(result) }
        return first.pointee.ai_canonname.map { String(cString: $0) }
    }

    /// The machine's IPv4 and IPv6 addresses other than loopback.
    static func ownAddresses() -> [sockaddr_storage] {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0 else { return [] }
        defer { freeifaddrs(list) }
        var found: [sockaddr_storage] = []
        var next = list
        while let entry = next {
            defer { next = entry.pointee.ifa_next }
            guard let address = entry.pointee.ifa_addr, entry.pointee.ifa_flags & UInt32(IFF_LOOPBACK) == 0 else { continue }
            let family = Int32(address.pointee.sa_family)
            guard family == AF_INET || family == AF_INET6 else { continue }
            var storage = sockaddr_storage()
            let size = family == AF_INET ? MemoryLayout<sockaddr_in>.size : MemoryLayout<sockaddr_in6>.size
            withUnsafeMutableBytes(of: &storage) { $0.copyMemory(from: UnsafeRawBufferPointer(start: address, count: size)) }
            found.append(storage)
        }
        return found
    }

    /// The name an address resolves to, nil when it has none.
    static func reverseName(of address: sockaddr_storage) -> String? {
        var address = address
        let size = Int32(address.ss_family) == AF_INET ? MemoryLayout<sockaddr_in>.size : MemoryLayout<sockaddr_in6>.size
        var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                getnameinfo($0, socklen_t(size), &host, socklen_t(host.count), nil, 0, NI_NAMEREQD)
            }
        }
        return status == 0 ? String(cString: host) : nil
    }
}
