import TopoModel
import TopoSource

/// What `probe` found on the wire: each planned component port with what
/// answered there, and the findings, which point into the topology. Data
/// only: TopoReality fills it, TopoRender prints it.
public struct ProbeReport: Sendable {
    public struct Endpoint: Sendable, Equatable {
        public struct Certificate: Sendable, Equatable {
            public var subject: String
            public var issuer: String
            /// ISO 8601, UTC.
            public var notBefore: String
            public var notAfter: String

            public init(subject: String, issuer: String, notBefore: String, notAfter: String) {
                self.subject = subject
                self.issuer = issuer
                self.notBefore = notBefore
                self.notAfter = notAfter
            }
        }

        public enum ClientCertificate: String, Sendable {
            case accepted, refused
            case notPresented = "not-presented"
            case unknown
        }

        public var host: String
        public var port: Int
        /// The components listening there, as the plan says (HUB, TRK).
        public var component: String
        /// Where it was reached, when `--connect-to` sent it elsewhere.
        public var connectedTo: String?
        public var reachable: Bool
        /// nil: not reached, so unknown.
        public var tls: Bool?
        /// "TLSv1.3", or why it was taken for plain, or why it was not reached.
        public var detail: String
        public var version: String?
        public var chain: [Certificate]
        public var clientCertificate: ClientCertificate

        public init(
            host: String, port: Int, component: String, connectedTo: String?, reachable: Bool, tls: Bool?, detail: String,
            version: String?, chain: [Certificate], clientCertificate: ClientCertificate
        ) {
            self.host = host
            self.port = port
            self.component = component
            self.connectedTo = connectedTo
            self.reachable = reachable
            self.tls = tls
            self.detail = detail
            self.version = version
            self.chain = chain
            self.clientCertificate = clientCertificate
        }
    }

    public var endpoints: [Endpoint]
    /// The topology's findings and the probe's, with the topology's source.
    public var file: FileReport

    public init(endpoints: [Endpoint], file: FileReport) {
        self.endpoints = endpoints
        self.file = file
    }
}
