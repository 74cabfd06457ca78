import Foundation

/// `data/dossier.json`: the whole validated model for other tools — a summary of the config, every
/// entry with its front matter, references and headings, the coverage of each applicable standard,
/// and the diagnostics of the build. Keys keep a documented order (docs/data-export.md) and every
/// list is sorted, so the file is byte-identical for the same input and as-of date.
struct DataExport: PageFamily {
    /// Bumped when a key is renamed or removed (adding keys keeps the version).
    static let formatVersion = 1

    let context: RenderContext
    /// This build's validation results (rules switched `off` are left out).
    let diagnostics: [Diagnostic]

    init(context: RenderContext) { self.init(context: context, diagnostics: context.diagnostics) }

    init(context: RenderContext, diagnostics: [Diagnostic]) {
        self.context = context
        self.diagnostics = diagnostics.filter { $0.severity != .off }.sortedForReport()
    }

    func render() throws -> [OutputFile] {
        [OutputFile(path: PagePaths.dataExport, buffer: bytes())]
    }

    /// The file's bytes, written in one pass (17 MB at 10 000 records); only the small parts (config,
    /// coverage, diagnostics) are built as `JSONValue` trees first.
    func bytes() -> ByteBuffer {
        let site = context.site
        // About 1.7 KB per entry at 10 000 records: reserving once saves the buffer's regrowth copies.
        var json = JSONStream(capacity: 4096 + site.entries.count * 1800)
        json.object { json in
            json.field("format", "dossier")
            json.field("formatVersion", Self.formatVersion)
            json.field("generator", context.generator)
            json.field("asOf", context.asOf.description)
            json.field("config", config())
            json.field("summary", .object([
                ("documents", .int(site.documents.count)), ("records", .int(site.records.count)),
                ("errors", .int(diagnostics.errorCount)), ("warnings", .int(diagnostics.warningCount)),
            ]))
            json.key("entries")
            let kinds = fieldKinds()
            json.array { json in
                for index in site.entries.indices {
                    json.item()
                    entry(index, kinds: kinds, to: &json)
                }
            }
            json.field("coverage", .array(context.coverage.map(coverage)))
            json.field("diagnostics", .array(diagnostics.map(Self.diagnostic)))
        }
        json.append("\n")
        return json.finish()
    }

    // MARK: - Config

    private func config() -> JSONValue {
        let config = context.site.config
        return .object([
            ("organization", .object([("name", .string(config.organization.name)), ("shortName", .string(config.organization.shortName))])),
            ("scope", .string(config.scope)),
            ("language", .string(config.language.rawValue)),
            ("baseURL", .string(config.baseURL)),
            ("standards", .array(config.standards.map { .string($0.value) })),
            ("exclusions", .array(config.exclusions.map { .object([("clause", .string($0.clause)), ("reason", .string($0.reason))]) })),
            ("certifications", .array(config.certifications.map { cert in
                .object([
                    ("standard", .string(cert.standard)), ("body", .string(cert.body)), ("number", .string(cert.number)),
                    ("issued", .optional(cert.issued?.description)), ("expires", .optional(cert.expires?.description)),
                ])
            })),
            ("people", .array(config.people.map { person in
                .object([("name", .string(person.name)), ("role", .string(person.role)), ("auditor", .bool(person.auditor))])
            })),
            ("schedules", .object(config.schedules.map { ($0.type, .string($0.interval.value.description)) })),
            ("targets", .object(config.targets.map { ($0.key, .number($0.value.value)) })),
        ])
    }

    // MARK: - Entries

    /// Type name → field name → kind, the first spec of each name in `allFields(of:)` order: made
    /// once, instead of joining and searching (with a copy of each `FieldSpec`) the specs per entry.
    /// A `NameTable` per type: every entry looks up each of its front-matter keys.
    private func fieldKinds() -> [String: NameTable<FieldKind>] {
        var kinds: [String: NameTable<FieldKind>] = [:]
        for (name, type) in context.site.catalog.types {
            kinds[name] = NameTable(context.site.catalog.allFields(of: type).map { ($0.name, $0.kind) })
        }
        return kinds
    }

    private func entry(_ index: Int, kinds: [String: NameTable<FieldKind>], to json: inout JSONStream) {
        let site = context.site
        let entry = site.entries[index]
        let fieldKinds = kinds[entry.type] ?? NameTable([])
        json.object { json in
            json.field("id", entry.id)
            json.field("type", entry.type)
            json.field("category", entry.category.rawValue)
            json.field("path", entry.path)
            json.field("title", entry.title)
            json.field("url", context.pagePath(of: index))
            switch entry.category {
            case .document:
                let review = DocumentControl.nextReview(of: entry, config: site.config)
                json.field("nextReview", review?.description)
                json.field("reviewOverdue", review.map { $0 < context.asOf } ?? false)
            case .record:
                json.field("date", RecordDates.day(of: entry, catalog: site.catalog)?.description)
            }
            json.key("fields")
            json.object { json in
                for field in entry.frontMatter.entries ?? [] {
                    json.key(field.key)
                    DataExportValues.write(field.value, kind: fieldKinds[field.key] ?? .any, to: &json)
                }
            }
            json.key("references")
            json.array { json in
                context.references.forEachOutgoing(of: entry) { field, id in
                    json.item()
                    json.object { json in
                        json.field("field", field)
                        json.field("id", id)
                        json.field("resolved", site.indexByID[id] != nil)
                    }
                }
            }
            json.key("links")
            json.array { json in
                for case let link? in entry.resolvedLinks {
                    json.item()
                    json.object { json in
                        json.field("id", link.targetID)
                        json.field("anchor", link.anchor.flatMap { $0.isEmpty ? nil : $0 })
                    }
                }
            }
            json.key("citedBy")
            json.array { json in
                for citing in context.references.citing[entry.id] ?? [] {
                    json.item()
                    json.string(site.entries[citing].id)
                }
            }
            json.key("headings")
            json.array { json in
                for heading in entry.body.headings {
                    json.item()
                    json.object { json in
                        json.field("level", heading.level)
                        json.field("text", heading.text)
                        json.field("anchor", heading.anchor)
                    }
                }
            }
        }
    }

    // MARK: - Coverage

    private func coverage(_ checklist: ChecklistCoverage) -> JSONValue {
        var object: [(String, JSONValue)] = [
            ("checklist", .string(checklist.checklist.id)),
            ("title", Self.localized(checklist.checklist.title)),
            ("source", .string(checklist.checklist.source)),
            ("counts", .object(ClauseCoverage.Status.allCases.map { ($0.rawValue, .int(checklist.count($0))) })),
        ]
        if let score = checklist.score {
            object.append(("score", .object([
                ("earned", .number(score.earned)), ("applicable", .number(score.applicable)),
                ("percent", .number((score.percent * 10).rounded() / 10)), ("passed", .bool(score.passed)),
                ("level", score.level.map { Self.localized($0.name) } ?? .null),
            ])))
        }
        object.append(("clauses", .array(checklist.clauses.map(clause))))
        return .object(object)
    }

    private func clause(_ clause: ClauseCoverage) -> JSONValue {
        .object([
            ("clause", .string(clause.clause.id)),
            ("reference", .string(clause.reference)),
            ("title", Self.localized(clause.clause.title)),
            ("status", .string(clause.status.rawValue)),
            ("documents", .array(clause.documents.map(JSONValue.string))),
            ("pendingDocuments", .array(clause.pendingDocuments.map { pending in
                .object([("id", .string(pending.id)), ("state", .string(pending.state.rawValue)),
                         ("status", .string(pending.status)), ("nextReview", .optional(pending.nextReview?.description))])
            })),
            ("records", .array(clause.records.map(JSONValue.string))),
            ("latestRecord", clause.latestRecord.map { record in
                .object([("id", .string(record.id)), ("type", .string(record.type)), ("date", .string(record.day.description))])
            } ?? .null),
            ("window", .string(clause.window.description)),
            ("exclusion", .optional(clause.exclusionReason)),
            ("reasons", .array(clause.reasons.map(JSONValue.string))),
        ])
    }

    // MARK: - Helpers

    /// `{ "en": ..., "zh-CN": ... }`, languages in name order.
    static func localized(_ text: LocalizedText) -> JSONValue {
        .object(text.values.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })
    }

    /// The shape of `dossier check --format json`'s diagnostics.
    static func diagnostic(_ d: Diagnostic) -> JSONValue {
        .object([
            ("rule", .string(d.rule)), ("severity", .string(d.severity.rawValue)),
            ("file", .optional(d.location?.path)),
            ("line", d.location.map { .int($0.line) } ?? .null), ("column", d.location.map { .int($0.column) } ?? .null),
            ("message", .string(d.message)), ("hint", .optional(d.hint)),
        ])
    }
}
