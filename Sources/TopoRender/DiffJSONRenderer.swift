import TopoModel
import TopoPlan

/// `diff --format json`, as in the JSON contract (format_version 1). Beyond
/// the contract: `fields` and `previous_name` per change, `phase` per step,
/// `installation_changes`, `ssl_ini_to_remove`, `trusted_roots_to_install`,
/// `decommission`, `database`, `os_changes`, `listserv_added`,
/// `listserv_removed`, a `file` on steps that write one, and a `path` on
/// each diagnostic (two files are involved).
public enum DiffJSONRenderer {
    public static func render(_ report: DiffReport?, valid: Bool, diagnostics: [(path: String, diagnostic: Diagnostic)]) -> String {
        var members: [(String, JSONValue)] = [("format_version", .int(1)), ("valid", .bool(valid))]
        if let report {
            let c = report.consequences
            members += [
                ("installation_changes", .array(report.diff.installationChanges.map(field))),
                ("changes", .array(report.diff.changes.map(change))),
                ("consequences", .object([
                    ("certificates_to_issue", .strings(c.certificatesToIssue)),
                    ("certificates_to_retire", .strings(c.certificatesToRetire)),
                    ("ssl_ini_to_write", .strings(c.sslIniToWrite)),
                    ("ssl_ini_to_remove", .strings(c.sslIniToRemove)),
                    ("trusted_roots_to_install", .strings(c.trustedRootsToInstall)),
                    ("restart", .strings(c.restart)),
                    ("decommission", .strings(c.decommission)),
                    ("firewall", .array(c.firewall.map { change in
                        .object([("host", .string(change.host)),
                                 ("open", .array(change.open.map(PlanJSONRenderer.firewall))),
                                 ("close", .array(change.close.map(PlanJSONRenderer.firewall)))])
                    })),
                    ("data_moves", .array(c.dataMoves.map { move in
                        .object([("component", .string(move.component.rawValue)), ("from", .string(move.from)),
                                 ("to", .string(move.to)), ("items", .strings(move.items))])
                    })),
                    ("database", c.database.map { database in
                        .object([("from", .string(database.from)), ("to", .string(database.to)),
                                 ("engine_before", .string(database.engineBefore.rawValue)),
                                 ("engine_after", .string(database.engineAfter.rawValue)),
                                 ("port", .int(database.portAfter))])
                    } ?? .null),
                    ("os_changes", .array(c.osChanges.map { change in
                        .object([("component", .string(change.component.rawValue)), ("from", .string(change.from)),
                                 ("to", .string(change.to)), ("os_before", .string(change.osBefore.rawValue)),
                                 ("os_after", .string(change.osAfter.rawValue))])
                    })),
                    ("listserv_added", .strings(c.listservAdded)),
                    ("listserv_removed", .strings(c.listservRemoved)),
                ])),
            ]
        }
        members.append(("diagnostics", .array(diagnostics.map { path, diagnostic in
            guard case var .object(fields) = diagnostic.json else { return diagnostic.json }
            fields.insert(("path", .string(path)), at: 0)
            return .object(fields)
        })))
        if let report {
            members.append(("steps", .array(report.steps.map { step in
                var fields: [(String, JSONValue)] = [
                    ("n", .int(step.n)), ("phase", .string(step.phase.rawValue)), ("host", .string(step.host)),
                    ("action", .string(step.action)),
                ]
                if let file = step.file {
                    fields.append(("file", .object([("path", .string(file.path)), ("text", .string(file.text))])))
                }
                return .object(fields)
            })))
            let c = report.consequences
            members.append(("summary", .object([
                ("text", .string(report.summary)),
                ("hosts_changed", .int(report.diff.changes.count)),
                ("certificates_to_issue", .int(c.certificatesToIssue.count)),
                ("ssl_ini_to_write", .int(c.sslIniToWrite.count)),
                ("restarts", .int(c.restart.count)),
                ("data_moves", .int(c.dataMoves.count)),
            ])))
        }
        return JSONValue.object(members).serialized()
    }

    static func change(_ change: HostChange) -> JSONValue {
        var members: [(String, JSONValue)] = [("host", .string(change.host)), ("action", .string(change.action.rawValue))]
        if let previous = change.previousName { members.append(("previous_name", .string(previous))) }
        members += [
            ("before", change.before?.json ?? .null),
            ("after", change.after?.json ?? .null),
            ("fields", .array(change.fields.map(field))),
        ]
        return .object(members)
    }

    static func field(_ field: FieldChange) -> JSONValue {
        .object([("field", .string(field.field)), ("before", .optional(field.before)), ("after", .optional(field.after))])
    }
}

extension HostSnapshot {
    var json: JSONValue {
        .object([("host", .string(name))] + fields.map { ($0.name, .string($0.value)) })
    }
}
