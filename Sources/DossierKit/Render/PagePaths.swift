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
        case .document: return joined(entry.type == "manual" ? "manual/" : "documents/", entry.id, ".html")
        case .record: return joined("records/", entry.type, "/", entry.id, ".html")
        }
    }

    /// The parts one after another, in one allocation: string interpolation grew its buffer piece by
    /// piece (a link's target is made for every reference and citation of every page).
    static func joined(_ a: String, _ b: String, _ c: String, _ d: String = "", _ e: String = "") -> String {
        var result = ""
        result.reserveCapacity(a.utf8.count + b.utf8.count + c.utf8.count + d.utf8.count + e.utf8.count)
        result += a
        result += b
        result += c
        result += d
        result += e
        return result
    }

    public static func recordIndex(type: String) -> String { "records/\(type)/index.html" }

    /// An attachment (a path under `Content/attachments/`) is copied to the same path under `attachments/`.
    public static func attachment(_ path: String) -> String { "attachments/" + path }

    /// A link from the page at `from` to the page at `to` (both relative to the output root).
    public static func relative(from: String, to: String) -> String {
        // On bytes, without intermediate arrays or strings: every link of every page goes through here.
        from.withUTF8Bytes { from in to.withUTF8Bytes { to in relative(from: from, to: to) } }
    }

    private static func relative(from: UnsafeBufferPointer<UInt8>, to: UnsafeBufferPointer<UInt8>) -> String {
        let slash = UInt8(ascii: "/")
        // The longest common prefix that ends at a '/' of both.
        var common = 0, i = 0
        while i < from.count, i < to.count, from[i] == to[i] {
            if from[i] == slash { common = i + 1 }
            i += 1
        }
        var ups = 0
        for index in common..<from.count where from[index] == slash { ups += 1 }
        let count = ups * 3 + to.count - common
        return String(unsafeUninitializedCapacity: count) { buffer in
            let out = buffer.baseAddress!
            var written = 0
            for _ in 0..<ups {
                out[written] = UInt8(ascii: "."); out[written + 1] = UInt8(ascii: "."); out[written + 2] = slash
                written += 3
            }
            // The rest of the target in one copy: byte by byte through checked subscripts this was
            // half of a link's 490 instructions (110,000 links at 10 000 records).
            if common < to.count { (out + written).update(from: to.baseAddress! + common, count: to.count - common) }
            return count
        }
    }

    public static func rootPrefix(of page: String) -> String {
        String(repeating: "../", count: page.split(separator: "/").count - 1)
    }
}
