#if canImport(Glibc)
import Glibc
#endif

extension UnsafeMutablePointer where Pointee == dirent {
    /// The entry's name, read where it lies. `readdir` returns records cut
    /// to the name's length, so the last one in the kernel's buffer can end
    /// before the 256 bytes `struct dirent` declares: copying the whole
    /// `d_name` field (as `pointee.d_name` does) reads past the buffer.
    var name: String {
        let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        return String(cString: UnsafeRawPointer(self).advanced(by: offset).assumingMemoryBound(to: CChar.self))
    }
}
