import TopoBundle
import TopoCheck
import TopoModel
import TopoReality
import TopoSystem

/// `probe` from a topology path: the file is checked first (nothing is
/// probed against a plan with errors), the CA file and the client keystore
/// are read, then every planned component port is probed.
public enum LiveProbe {
    public enum Outcome {
        case refused(OpenedTopology)
        case probed(OpenedTopology, ProbeReport)
    }

    public struct Options: Sendable {
        public var caFile: String?
        public var clientKeystore: String?
        /// The environment variable holding the client keystore's password.
        public var clientPasswordVariable: String
        public var connectTo: [ConnectTo]
        public var timeout: Double
        public var grace: Double
        public var jobs: Int

        public init(
            caFile: String?, clientKeystore: String?, clientPasswordVariable: String, connectTo: [ConnectTo],
            timeout: Double, grace: Double, jobs: Int
        ) {
            self.caFile = caFile
            self.clientKeystore = clientKeystore
            self.clientPasswordVariable = clientPasswordVariable
            self.connectTo = connectTo
            self.timeout = timeout
            self.grace = grace
            self.jobs = jobs
        }
    }

    public static func run(_ path: String, options: Options, limits: LoaderLimits, strict: Bool) throws(RealityRefusal) -> Outcome {
        let opened: OpenedTopology
        do { opened = try OpenedTopology.open(path, limits: limits) } catch { throw RealityRefusal(error.description) }
        guard let resolved = opened.usable(strict: strict) else { return .refused(opened) }
        var request = ProbeRequest(
            connectTo: options.connectTo, timeout: options.timeout, grace: options.grace, jobs: options.jobs)
        if let caFile = options.caFile {
            let bytes: [UInt8]
            do { bytes = try FileSystem.read(caFile, limit: 1 << 20) } catch { throw RealityRefusal(error.description) }
            request.caCertificates = PEM.derCertificates(pem: String(decoding: bytes, as: UTF8.self))
            guard !request.caCertificates.isEmpty else {
                throw RealityRefusal("--ca-file '\(caFile)' holds no PEM certificate (-----BEGIN CERTIFICATE-----)")
            }
        }
        if let keystore = options.clientKeystore {
            let bytes: [UInt8]
            do { bytes = try FileSystem.read(keystore, limit: 16 << 20) } catch { throw RealityRefusal(error.description) }
            let secret: ResolvedSecret
            do {
                secret = try SecretResolver(baseDirectory: opened.folder, placeholders: false)
                    .resolve(.environment(options.clientPasswordVariable), host: keystore)
            } catch {
                throw RealityRefusal("--client-keystore needs its password in the environment variable \(options.clientPasswordVariable)")
            }
            defer { secret.bytes.wipe() }
            // The one copy of the password handed to the keystore reader is
            // zeroed as soon as it is read.
            var password = secret.bytes.withBytes { Array($0) }
            defer { password.withUnsafeMutableBytes { SecretMemory.wipe($0) } }
            do {
                request.identity = try ClientIdentity.load(bytes: bytes, password: password, alias: nil)
            } catch {
                throw RealityRefusal("--client-keystore '\(keystore)' cannot be used: \(error)")
            }
        }
        return .probed(opened, MeshProbe.probe(resolved, source: opened.source, request: request))
    }
}
