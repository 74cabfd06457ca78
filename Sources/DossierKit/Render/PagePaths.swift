/// Where each page lives in the output, and relative links between pages. Every link in the site is
/// relative, so the site works from the file system and under any sub-path.
public enum PagePaths {
    public static let home = "index.html"
    public static let manualIndex = "manual/index.html"
    public static let documentRegister = "documents/index.html"
    public static let recordsIndex = "records/index.html"
    public static let notFound = "404.html"
    public static let stylesheet = "assets/style.css"
    public static let clausesIndex = "clauses/index.html"
    public static let auditsIndex = "audits/index.html"
    public static let kpisIndex = "kpis/index.html"
    public static let calendarIndex = "calendar/index.html"
    public static let calendarFeed = "calendar/calendar.ics"
    public static let searchIndex = "search/index.html"
    public static let printManual = "print/manual.html"
    public static let printProcedures = "print/procedures.html"
    public static let dataExport = "data/dossier.json"

    public static func page(for entry: Entry) -> String {
        switch entry.category {
        case .document: return entry.type == "manual" ? "manual/\(entry.id).html" : "documents/\(entry.id).html"
        case .record: return "records/\(entry.type)/\(entry.id).html"
        }
    }

    public static func recordIndex(type: String) -> String { "records/\(type)/index.html" }

    /// An attachment (a path under `Content/attachments/`) is copied to the same path under `attachments/`.
    public static func attachment(_ path: String) -> String { "attachments/" + path }

    /// A link from the page at `from` to the page at `to` (both relative to the output root).
    public static func relative(from: String, to: String) -> String {
        let fromDirs = from.split(separator: "/").dropLast()
        let toParts = to.split(separator: "/")
        var common = 0
        while common < fromDirs.count, common < toParts.count - 1, fromDirs[fromDirs.startIndex + common] == toParts[common] {
            common += 1
        }
        let ups = Array(repeating: "..", count: fromDirs.count - common)
        return (ups + toParts[common...].map(String.init)).joined(separator: "/")
    }

    /// The prefix that leads from `page` back to the output root (`""`, `"../"`, `"../../"`).
    public static func rootPrefix(of page: String) -> String {
        String(repeating: "../", count: page.split(separator: "/").count - 1)
    }
}
