import TopoSource
import TopoYAML
import TopoModel

/// The sections of format version 1, one reader each.
extension LoadSession {
    func readTopology(_ root: YAMLEvent) throws(LoadStopped) -> Topology {
        var topology = Topology()
        topology.documentLocation = root.location
        topology.hostsLocation = root.location
        // The keys a topology cannot do without, as they are met.
        var present = (version: false, installation: false, hosts: false)
        try readMapping(section: .top) { key, value throws(LoadStopped) in
            switch key.value {
            case "version":
                present.version = true
                topology.version = try self.integer(value, key: key.value)
                if let version = topology.version, version.value != supportedFormatVersion {
                    self.report(InvalidValue.self, InvalidValueText.version(version.value), at: version.location)
                }
            case "installation":
                present.installation = true
                topology.installation = try self.string(value, key: key.value)
            case "maestro_version":
                topology.maestroVersion = try self.string(value, key: key.value)
            case "profile":
                topology.profile = try self.choice(value, key: key.value, what: "profile")
            case "tracker_direction":
                topology.trackerDirection = try self.choice(value, key: key.value, what: "tracker direction")
            case "defaults":
                _ = try self.expectMapping(value, key: key.value, section: .defaults) { key, value throws(LoadStopped) in
                    try self.readHostSetting(key, value, into: topology.defaults, host: nil)
                }
            case "component_ssl":
                topology.componentSSL = try self.readComponentSSL(value)
            case "hosts":
                present.hosts = true
                topology.hostsLocation = key.location
                topology.hosts = try self.readHosts(value)
            default:
                return false
            }
            return true
        }
        func reportMissing(_ key: String, example: String) {
            report(InvalidValue.self, InvalidValueText.missingKey(key, example: example), at: root.location)
        }
        if !present.version { reportMissing("version", example: "version: 1") }
        if !present.installation { reportMissing("installation", example: "installation: acme-production") }
        if !present.hosts { reportMissing("hosts", example: "hosts: {ui.example.com: {components: [LUI, HUB]}}") }
        return topology
    }

    /// A key of `defaults` or of a host that a host may inherit.
    func readHostSetting(
        _ key: Located<String>, _ value: YAMLEvent, into settings: @autoclosure () -> HostSettings, host: String?
    ) throws(LoadStopped) -> Bool {
        switch key.value {
        case "os":
            settings().os = try choice(value, key: key.value, what: "operating system", host: host)
        case "install_folder":
            settings().installFolder = try string(value, key: key.value, host: host)
        case "internal_port":
            settings().internalPort = try port(value, key: key.value, host: host)
        case "tracker_port":
            settings().trackerPort = try port(value, key: key.value, host: host)
        case "http_port":
            settings().httpPort = try port(value, key: key.value, host: host)
        default:
            return false
        }
        return true
    }

    func readComponentSSL(_ event: YAMLEvent) throws(LoadStopped) -> ComponentSSL? {
        var ssl = ComponentSSL(location: event.location)
        let isMapping = try expectMapping(event, key: "component_ssl", section: .componentSSL) { key, value throws(LoadStopped) in
            switch key.value {
            case "enabled": ssl.enabled = try self.boolean(value, key: key.value)
            case "ca": ssl.ca = try self.string(value, key: key.value)
            case "keystore_password":
                ssl.keystorePassword = try self.secret(value, key: key.value)
                ssl.keystorePasswordRefused = ssl.keystorePassword.isNone
            case "trusted_root_keystore": ssl.trustedRootKeystore = try self.string(value, key: key.value)
            default: return false
            }
            return true
        }
        return isMapping ? ssl : nil
    }

    func readHosts(_ event: YAMLEvent) throws(LoadStopped) -> [HostEntry] {
        var hosts: [HostEntry] = []
        hosts.reserveCapacity(8)  // the usual file: one allocation, not one per doubling
        _ = try expectMapping(event, key: "hosts", section: .hosts) { name, value throws(LoadStopped) in
            if hosts.count == self.limits.maxHosts {
                self.report(InputLimit.self, InputLimitText.hosts(self.limits.maxHosts), at: name.location)
                throw LoadStopped()
            }
            hosts.append(try self.readHost(name, value))
            return true
        }
        if event.kind == .mappingStart, hosts.isEmpty {
            report(InvalidValue.self, InvalidValueText.noHosts, at: event.location)
        }
        return hosts
    }

    func readHost(_ name: Located<String>, _ event: YAMLEvent) throws(LoadStopped) -> HostEntry {
        let host = HostEntry(name: name)
        let label = name.value
        if event.isNullLiteral {
            report(InvalidValue.self, InvalidValueText.noComponents(label), at: name.location, host: label)
            return host
        }
        var sawComponents = false
        _ = try expectMapping(event, key: label, section: .host, host: label) { key, value throws(LoadStopped) in
            switch key.value {
            case "components":
                sawComponents = true
                host.components = try self.readComponents(value, host: label, unrecognized: &host.unrecognizedComponents)
            case "database":
                host.database = try self.readDatabase(value, host: label)
            case "ssl":
                host.ssl = try self.readHostSSL(value, host: label)
            default:
                if try self.readHostSetting(key, value, into: host.writableSettings(), host: label) { return true }
                guard Suggestion.keys(for: key.value, in: .host) == ["components"] else { return false }
                // A misspelt 'components' is one mistake: unknown-key says
                // so, and what it lists counts as unread names, so neither
                // "runs no components" nor missing-component repeats it.
                self.reportUnknownKey(key, in: .host, host: label)
                sawComponents = true
                host.unrecognizedComponents += try self.readUnreadComponents(value)
            }
            return true
        }
        if event.kind == .mappingStart, !sawComponents {
            report(InvalidValue.self, InvalidValueText.noComponents(label), at: name.location, host: label)
        }
        return host
    }

    func readDatabase(_ event: YAMLEvent, host: String) throws(LoadStopped) -> DatabaseSettings? {
        let database = DatabaseSettings(location: event.location)
        let isMapping = try expectMapping(event, key: "database", section: .database, host: host) { key, value throws(LoadStopped) in
            switch key.value {
            case "engine": database.engine = try self.choice(value, key: key.value, what: "database engine", host: host)
            case "port": database.port = try self.port(value, key: key.value, host: host)
            default: return false
            }
            return true
        }
        return isMapping ? database : nil
    }

    func readHostSSL(_ event: YAMLEvent, host: String) throws(LoadStopped) -> HostSSL? {
        let ssl = HostSSL(location: event.location)
        let isMapping = try expectMapping(event, key: "ssl", section: .ssl, host: host) { key, value throws(LoadStopped) in
            switch key.value {
            case "enabled": ssl.enabled = try self.boolean(value, key: key.value, host: host)
            case "keystore": ssl.keystore = try self.string(value, key: key.value, host: host)
            case "keystore_password":
                ssl.keystorePassword = try self.secret(value, key: key.value, host: host)
                ssl.keystorePasswordRefused = ssl.keystorePassword.isNone
            case "ca": ssl.ca = try self.string(value, key: key.value, host: host)
            case "trusted_root_keystore": ssl.trustedRootKeystore = try self.string(value, key: key.value, host: host)
            case "aliases": ssl.aliases = try self.stringList(value, key: key.value, host: host)
            case "allowed_clients": ssl.allowedClients = try self.readAllowedClients(value, host: host)
            default: return false
            }
            return true
        }
        return isMapping ? ssl : nil
    }

    /// A list, or one string as `ssl.ini` would hold it. Items are kept as
    /// written; `allowed-clients-format` judges spaces and empty items.
    func readAllowedClients(_ event: YAMLEvent, host: String) throws(LoadStopped) -> AllowedClients? {
        if event.kind == .scalar, !event.isNullLiteral {
            guard let text = try string(event, key: "allowed_clients", host: host) else { return nil }
            // Each item at its own column when the columns can be known;
            // otherwise all of them at the string.
            var column = Self.firstTextColumn(event)
            let items = text.value.split(separator: ",", omittingEmptySubsequences: false).map { item in
                defer { column = column.map { $0 + item.unicodeScalars.count + 1 } }
                return Located(String(item), at: column.map { SourceLocation(line: text.location.line, column: $0) }
                    ?? text.location)
            }
            return AllowedClients(location: text.location, items: items, rawString: text.value)
        }
        guard let list = try stringList(event, key: "allowed_clients", host: host) else { return nil }
        return AllowedClients(location: list.location, items: list.value, rawString: nil)
    }

    /// The column of a scalar's first character of text, when its text
    /// stands in the source character for character: on one line, plain or
    /// quoted, and as long as the source between the quotes. (A doubled `''`
    /// or an escape makes the text shorter than what was typed.)
    static func firstTextColumn(_ event: YAMLEvent) -> Int? {
        guard let end = event.endLocation, end.line == event.location.line else { return nil }
        let quotes: Int
        switch event.style {
        case .plain: quotes = 0
        case .singleQuoted, .doubleQuoted: quotes = 2
        case .literal, .folded: return nil
        }
        guard end.column - event.location.column - quotes == event.text.unicodeScalars.count else { return nil }
        return event.location.column + quotes / 2
    }
}
