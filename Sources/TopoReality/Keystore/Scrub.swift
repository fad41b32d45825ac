import TopoModel

/// Zeroing of the temporary copies a password passes through on its way
/// into a keystore check (a C string for OpenSSL, UTF-16 units for JKS, the
/// bytes hashed with it). The caller's own buffer stays the caller's.
enum Scrub {
    /// Overwrites every element's bytes with zeros, through a call the
    /// optimiser cannot drop; the count stays.
    static func wipe<Element: BitwiseCopyable>(_ array: inout [Element]) {
        array.withUnsafeMutableBytes { SecretMemory.wipe($0) }
    }

    /// Overwrites a buffer of our own with zeros.
    static func wipe(_ buffer: UnsafeMutableRawBufferPointer) {
        SecretMemory.wipe(buffer)
    }
}
