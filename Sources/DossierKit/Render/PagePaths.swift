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
        // On bytes, without intermediate arrays of strings: every link of every page goes through here.
        let from = Array(from.utf8), to = Array(to.utf8)
        // The longest common prefix that ends at a '/' of both.
        var common = 0, i = 0
        while i < from.count, i < to.count, from[i] == to[i] {
            if from[i] == UInt8(ascii: "/") { common = i + 1 }
            i += 1
        }
        let ups = from[common...].reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 }
        var out: [UInt8] = []
        out.reserveCapacity(ups * 3 + to.count - common)
        for _ in 0..<ups { out += "../".utf8 }
        out += to[common...]
        return String(decoding: out, as: UTF8.self)
    }

    /// The prefix that leads from `page` back to the output root (`""`, `"../"`, `"../../"`).
    public static func rootPrefix(of page: String) -> String {
        String(repeating: "../", count: page.split(separator: "/").count - 1)
    }
}
