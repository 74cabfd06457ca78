import Foundation

/// `dossier clauses` as terminal tables: the applicable checklists with their coverage counts (and
/// score and level for a scored checklist), or every clause of one checklist with its status and how
/// many documents and records answer it. Columns are aligned by display width (a CJK character takes
/// two columns); colour only when asked for (the command asks when stdout is a terminal).
public struct ClauseTable: Sendable {
    public var language: Language
    public var colour: Bool
    /// Titles longer than this many columns are cut with an ellipsis.
    public var titleWidth = 56

    public init(language: Language, colour: Bool) {
        self.language = language
        self.colour = colour
    }

    private var words: [String: String] {
        language == .zhCN
            ? ["checklist": "检查表", "title": "名称", "covered": "已覆盖", "partial": "部分覆盖", "missing": "缺失",
               "excluded": "已排除", "score": "得分", "clause": "条款", "status": "状态", "documents": "文件", "records": "记录",
               "fail": "未达标", "clauses": "个条款"]
            : ["checklist": "checklist", "title": "title", "covered": "covered", "partial": "partial", "missing": "missing",
               "excluded": "excluded", "score": "score", "clause": "clause", "status": "status", "documents": "documents",
               "records": "records", "fail": "not compliant", "clauses": "clauses"]
    }

    private func word(_ key: String) -> String { words[key] ?? key }

    public func overview(_ coverages: [ChecklistCoverage]) -> String {
        let header = ["checklist", "title", "covered", "partial", "missing", "excluded", "score"].map(word)
        let rows = coverages.map { coverage -> [Cell] in
            [Cell(coverage.checklist.id), Cell(cut(coverage.checklist.title.text(language))),
             Cell(String(coverage.count(.covered)), status: .covered, right: true),
             Cell(String(coverage.count(.partial)), status: coverage.count(.partial) > 0 ? .partial : nil, right: true),
             Cell(String(coverage.count(.missing)), status: coverage.count(.missing) > 0 ? .missing : nil, right: true),
             Cell(String(coverage.count(.excluded)), right: true),
             Cell(coverage.score.map(score) ?? "")]
        }
        return table(header: header, rows: rows)
    }

    public func detail(_ coverage: ChecklistCoverage) -> String {
        let header = ["clause", "title", "status", "documents", "records"].map(word)
        let rows = coverage.clauses.map { clause -> [Cell] in
            [Cell(clause.clause.id), Cell(cut(clause.clause.title.text(language))),
             Cell(word(clause.status.rawValue), status: clause.status),
             Cell(String(clause.documents.count), right: true), Cell(String(clause.records.count), right: true)]
        }
        var summary = "\(coverage.checklist.id) \(coverage.checklist.title.text(language)): \(coverage.clauses.count) \(word("clauses")), "
            + [ClauseCoverage.Status.covered, .partial, .missing, .excluded].map { "\(coverage.count($0)) \(word($0.rawValue))" }.joined(separator: ", ")
        if let score = coverage.score { summary += "; \(word("score")) \(self.score(score))" }
        return table(header: header, rows: rows) + summary + "\n"
    }

    func score(_ score: CoverageScore) -> String {
        let percent = (score.percent * 10).rounded() / 10
        let level = score.level?.name.text(language) ?? (score.passed ? "" : word("fail"))
        return level.isEmpty ? "\(percent)" : "\(percent) \(level)"
    }

    struct Cell {
        var text: String
        var status: ClauseCoverage.Status?
        var right = false

        init(_ text: String, status: ClauseCoverage.Status? = nil, right: Bool = false) {
            self.text = text
            self.status = status
            self.right = right
        }
    }

    func table(header: [String], rows: [[Cell]]) -> String {
        var widths = header.map(Self.displayWidth)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], Self.displayWidth(cell.text)) } }
        func line(_ cells: [Cell], bold: Bool = false) -> String {
            cells.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - Self.displayWidth(cell.text))
                var text = cell.text
                if colour, let status = cell.status { text = Self.paint(text, status) }
                if colour, bold { text = "\u{1B}[1m" + text + "\u{1B}[0m" }
                // No trailing blanks on the last column.
                if i == cells.count - 1 && !cell.right { return text }
                return cell.right ? pad + text : text + pad
            }.joined(separator: "  ").replacingOccurrences(of: #"\s+$"#, with: "", options: .regularExpression)
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(header.map { Cell($0) }, bold: true), rule] + rows.map { line($0) }).joined(separator: "\n") + "\n"
    }

    static func paint(_ text: String, _ status: ClauseCoverage.Status) -> String {
        let code: String
        switch status {
        case .covered: code = "32"
        case .partial: code = "33"
        case .missing: code = "31"
        case .excluded: code = "90"
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }

    func cut(_ text: String) -> String {
        guard Self.displayWidth(text) > titleWidth else { return text }
        var out = "", width = 0
        for character in text {
            let w = Self.displayWidth(String(character))
            if width + w > titleWidth - 1 { break }
            out.append(character)
            width += w
        }
        return out + "…"
    }

    /// Columns a terminal gives the text: East Asian wide and fullwidth characters take two, combining
    /// marks and zero-width characters none.
    public static func displayWidth(_ text: String) -> Int {
        var width = 0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: continue
            default: break
            }
            if v < 0x20 || (0x7F..<0xA0).contains(v) { continue }
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
                || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
                || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
                || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
                || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v)
            width += wide ? 2 : 1
        }
        return width
    }
}
