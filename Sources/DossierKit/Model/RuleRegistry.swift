/// Every rule Dossier knows: its stable id, default severity, and a one-line description (used by
/// SARIF output and the docs). A company changes severities with `rules:` in the config.
public struct RuleInfo: Sendable, Hashable {
    public var id: String
    public var severity: Severity
    public var summary: String

    /// A diagnostic of this rule with its default severity.
    public func diagnostic(_ message: String, at location: SourceLocation?, hint: String? = nil) -> Diagnostic {
        Diagnostic(rule: id, severity: severity, message: message, location: location, hint: hint)
    }
}

public enum Rules {
    static func rule(_ id: String, _ severity: Severity, _ summary: String) -> RuleInfo {
        RuleInfo(id: id, severity: severity, summary: summary)
    }

    // parse: files that cannot be read as Dossier content.
    public static let parseEmpty = rule("parse.empty", .error, "The file is empty.")
    public static let parseNoFrontMatter = rule("parse.no-front-matter", .error, "The file does not start with a front-matter block.")
    public static let parseUnterminated = rule("parse.unterminated", .error, "The front-matter block is never closed.")
    public static let parseYAML = rule("parse.yaml", .error, "The front matter is not valid YAML.")
    public static let parseYAMLTooLarge = rule("parse.yaml-too-large", .error, "The YAML expands to too many values.")
    public static let parseYAMLTooDeep = rule("parse.yaml-too-deep", .error, "The YAML nests too deeply.")
    public static let parseFrontMatter = rule("parse.front-matter", .error, "The front matter is not a map of keys.")
    public static let parseEmptyFrontMatter = rule("parse.empty-front-matter", .error, "The front matter is empty.")
    public static let parseEncoding = rule("parse.encoding", .error, "The file, or its name, is not valid UTF-8.")
    public static let parseBinary = rule("parse.binary", .error, "The file contains NUL bytes.")
    public static let parseTooLarge = rule("parse.too-large", .error, "The file is over the size limit.")

    // schema: front matter against the type's schema.
    public static let schemaUnknownType = rule("schema.unknown-type", .error, "The type is unknown or cannot be told from the folder.")
    public static let schemaID = rule("schema.id", .error, "The id cannot become a safe file name, or is the reserved `index`.")
    public static let schemaIDFilename = rule("schema.id-filename", .warning, "The id differs from the file name.")
    public static let schemaRequired = rule("schema.required", .error, "A required field is missing.")
    public static let schemaKind = rule("schema.kind", .error, "A field's value has the wrong kind (a bad date, a list where one value is expected...).")
    public static let schemaEnum = rule("schema.enum", .error, "A value is not one of the field's allowed values.")
    public static let schemaRange = rule("schema.range", .error, "A number is outside the field's range.")
    public static let schemaUnknownField = rule("schema.unknown-field", .warning, "A field the type does not define.")
    public static let schemaChecklist = rule("schema.checklist", .error, "A company checklist is malformed.")

    // ref: references between files and to clauses and attachments.
    public static let refDuplicateID = rule("ref.duplicate-id", .error, "Two files share an id (or ids differing only in case).")
    public static let refDangling = rule("ref.dangling", .error, "A reference names an id that does not exist, or one of the wrong type.")
    public static let refUnknownClause = rule("ref.unknown-clause", .error, "A clause reference names an unknown checklist or clause.")
    public static let refLink = rule("ref.link", .error, "A Markdown link leads to a missing file or id.")
    public static let refAnchor = rule("ref.anchor", .error, "A Markdown link leads to a missing heading anchor.")
    public static let refEscape = rule("ref.escape", .error, "A link or attachment leads outside Content/.")
    public static let refAttachment = rule("ref.attachment", .error, "An attachment does not exist under Content/attachments/.")
    public static let refSymlink = rule("ref.symlink", .error, "A symbolic link inside Content/ (never followed).")

    // doc: document control.
    public static let docApproval = rule("doc.approval", .error, "An approved document lacks its approver or approval date.")
    public static let docReviewOverdue = rule("doc.review-overdue", .error, "An approved document is past its next review.")
    public static let docReviewDue = rule("doc.review-due", .warning, "An approved document's review falls due within 30 days.")
    public static let docProcedureStatus = rule("doc.procedure-status", .error, "A record cites a procedure that is not approved and current.")
    public static let docHistory = rule("doc.history", .error, "The revision history does not end at the current version.")

    // record: dates and targets of records.
    public static let recordOrder = rule("record.order", .error, "An end date precedes its start date.")
    public static let recordFuture = rule("record.future", .error, "A record is dated after the as-of date.")
    public static let recordTarget = rule("record.target", .warning, "A record exceeds an SLA or KPI target.")

    // schedule: recurring activities.
    public static let scheduleMissed = rule("schedule.missed", .error, "A recurring activity has no record for a period.")
    public static let scheduleOverdue = rule("schedule.overdue", .error, "The last record of a recurring activity is older than its interval.")
    public static let scheduleDue = rule("schedule.due", .warning, "A recurring activity falls due within 30 days.")

    // nc: nonconformities.
    public static let ncOverdue = rule("nc.overdue", .error, "An open nonconformity is past its due date.")
    public static let ncUnverified = rule("nc.unverified", .error, "A closed nonconformity has no effectiveness verification.")
    public static let ncMajorOpen = rule("nc.major-open", .error, "A major nonconformity is open: not audit-ready.")

    // coverage: clauses of the applicable standards.
    public static let coverageMissing = rule("coverage.missing", .error, "A clause has neither its documents nor its evidence.")
    public static let coveragePartial = rule("coverage.partial", .warning, "A clause lacks documents or evidence, or they are stale or in draft.")

    // cert: the certification cycle.
    public static let certSurveillanceOverdue = rule("cert.surveillance-overdue", .error, "A surveillance due date (issued + 12·n months) passed without a surveillance audit.")
    public static let certSurveillanceDue = rule("cert.surveillance-due", .warning, "A surveillance audit falls due within 90 days.")
    public static let certRecertification = rule("cert.recertification", .warning, "The recertification application is due (3 to 6 months before expiry).")
    public static let certExpired = rule("cert.expired", .error, "A certificate has expired.")

    // people.
    public static let peopleUnknown = rule("people.unknown", .error, "An owner, approver, trainer, auditor or other person is not among people.")
    public static let peopleNotAuditor = rule("people.not-auditor", .error, "An internal audit names an auditor without auditor: true.")
    public static let peopleSelfAudit = rule("people.self-audit", .error, "An auditor audits a process they own.")
    public static let peopleTraining = rule("people.training", .warning, "A person has no training record within the training interval.")

    // config: the configuration as a whole.
    public static let configYAML = rule("config.yaml", .error, "dossier.yml is not valid YAML.")
    public static let configEncoding = rule("config.encoding", .error, "dossier.yml is not valid UTF-8.")
    public static let configInvalid = rule("config.invalid", .error, "A config value has the wrong shape.")
    public static let configUnknownKey = rule("config.unknown-key", .warning, "A config key Dossier does not know.")
    public static let configInvalidType = rule("config.invalid-type", .error, "A company type definition is malformed.")
    public static let configTypeRedefined = rule("config.type-redefined", .warning, "A company type replaces a built-in type.")
    public static let configUnknownStandard = rule("config.unknown-standard", .error, "standards: names a checklist that does not exist.")
    public static let configUnknownClause = rule("config.unknown-clause", .error, "An exclusion names an unknown clause.")
    public static let configUnknownSchedule = rule("config.unknown-schedule", .error, "schedules: names an unknown record type.")
    public static let configUnknownTarget = rule("config.unknown-target", .warning, "targets: names a target Dossier does not check.")

    /// Every rule, by id.
    public static let all: [RuleInfo] = [
        parseEmpty, parseNoFrontMatter, parseUnterminated, parseYAML, parseYAMLTooLarge, parseYAMLTooDeep, parseFrontMatter,
        parseEmptyFrontMatter, parseEncoding, parseBinary, parseTooLarge,
        schemaUnknownType, schemaID, schemaIDFilename, schemaRequired, schemaKind, schemaEnum, schemaRange, schemaUnknownField,
        schemaChecklist,
        refDuplicateID, refDangling, refUnknownClause, refLink, refAnchor, refEscape, refAttachment, refSymlink,
        docApproval, docReviewOverdue, docReviewDue, docProcedureStatus, docHistory,
        recordOrder, recordFuture, recordTarget,
        scheduleMissed, scheduleOverdue, scheduleDue,
        ncOverdue, ncUnverified, ncMajorOpen,
        coverageMissing, coveragePartial,
        certSurveillanceOverdue, certSurveillanceDue, certRecertification, certExpired,
        peopleUnknown, peopleNotAuditor, peopleSelfAudit, peopleTraining,
        configYAML, configEncoding, configInvalid, configUnknownKey, configInvalidType, configTypeRedefined, configUnknownStandard,
        configUnknownClause, configUnknownSchedule, configUnknownTarget,
    ]

    public static let byID: [String: RuleInfo] = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
}
