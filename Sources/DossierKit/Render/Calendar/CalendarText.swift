/// The words of an agenda item in the site's language, shared by the calendar page and `calendar.ics`.
struct CalendarText {
    let strings: InterfaceStrings
    let site: Site
    let asOf: Day

    /// `{name}` placeholders replaced, in one pass over the template.
    static func fill(_ template: String, _ values: [String: String]) -> String {
        InterfaceStrings.fill(template, values)
    }

    func kindLabel(_ item: AgendaItem) -> String {
        if item.kind == .surveillance, let n = item.sequence {
            return Self.fill(strings["calendarSurveillanceNumber"], ["n": "\(n)"])
        }
        return strings["agenda.kind." + item.kind.rawValue]
    }

    /// The id shown before the title, for items about one document or record.
    func shownID(_ item: AgendaItem) -> String? {
        switch item.kind {
        case .documentReview, .nonconformity: return item.subject
        default: return nil
        }
    }

    /// `Recurring activity: Self-checks`, `Document review: PR-06 Incident management procedure`.
    func headline(_ item: AgendaItem) -> String {
        let title = shownID(item).map { $0 == item.title ? $0 : "\($0) \(item.title)" } ?? item.title
        return Self.fill(strings["calendarSummaryFormat"], ["kind": kindLabel(item), "title": title])
    }

    /// `12 days overdue`, `due today`, `in 3 days`; for a window, when it opens or until when it is open.
    func when(_ item: AgendaItem) -> String {
        var target = item.date
        if let until = item.until {
            if until < asOf {
                target = until
            } else if item.date <= asOf {
                return Self.fill(strings["calendarWindowOpen"], ["date": strings.format(until)])
            } else {
                let days = asOf.days(until: item.date)
                return days == 1 ? strings["calendarOpensInDay"] : Self.fill(strings["calendarOpensInDays"], ["n": "\(days)"])
            }
        }
        let days = asOf.days(until: target)
        switch days {
        case ..<(-1): return Self.fill(strings["calendarOverdueDays"], ["n": "\(-days)"])
        case -1: return strings["calendarOverdueDay"]
        case 0: return strings["calendarToday"]
        case 1: return strings["calendarInDay"]
        default: return Self.fill(strings["calendarInDays"], ["n": "\(days)"])
        }
    }

    /// What the date counts from, as (label, text, linked id) parts: the last record of a schedule,
    /// the approval of a document, the finding behind a nonconformity, the certificate.
    func details(_ item: AgendaItem) -> [(label: String?, text: String, id: String?)] {
        var parts: [(label: String?, text: String, id: String?)] = []
        switch item.kind {
        case .schedule:
            if let id = item.basisID {
                parts.append((strings["calendarLastRecord"], id, id))
                if let day = item.basisDay { parts.append((nil, strings.format(day), nil)) }
            } else {
                parts.append((nil, strings["calendarNoRecord"], nil))
            }
        case .documentReview:
            if let day = item.basisDay { parts.append((strings["calendarApproved"], strings.format(day), nil)) }
        case .nonconformity:
            if let day = item.basisDay { parts.append((strings["calendarFoundOn"], strings.format(day), nil)) }
            if let source = item.basisID { parts.append((strings["calendarFoundBy"], source, site.entry(id: source) == nil ? nil : source)) }
        case .recertification:
            if let until = item.until {
                parts.append((nil, Self.fill(strings["calendarApplyBy"], ["from": strings.format(item.date), "until": strings.format(until)]), nil))
            }
            parts += certificate(item)
        case .surveillance, .certificateExpiry:
            parts += certificate(item)
        }
        return parts
    }

    private func certificate(_ item: AgendaItem) -> [(label: String?, text: String, id: String?)] {
        let number = site.config.certifications.first {
            item.subject == ($0.number.isEmpty ? $0.standard : "\($0.standard) \($0.number)")
        }?.number ?? ""
        return number.isEmpty ? [] : [(strings["calendarCertificate"], number, nil)]
    }

    /// `January 2027`, `2027年1月`.
    func month(year: Int, month: Int) -> String {
        Self.fill(strings["calendarMonthFormat"], ["month": strings["calendarMonth\(month)"], "year": "\(year)"])
    }
}
