import Foundation

/// `calendar/calendar.ics`: the agenda as an iCalendar file (RFC 5545), one all-day event per item,
/// stamped with the as-of date (never the clock) so that the same input gives the same file.
struct CalendarFeed {
    let context: RenderContext
    let items: [AgendaItem]

    func ics() -> String {
        let words = CalendarText(strings: context.strings, site: context.site, asOf: context.asOf)
        let organization = context.site.config.organization
        let name = organization.shortName.isEmpty ? organization.name : organization.shortName
        let language = context.strings.language.rawValue.uppercased()
        let stamp = ICSWriter.date(context.asOf) + "T000000Z"
        var ics = ICSWriter()
        ics.raw("BEGIN", "VCALENDAR")
        ics.raw("VERSION", "2.0")
        ics.text("PRODID", "-//Dossier//\(context.generator)//\(language)")
        ics.raw("CALSCALE", "GREGORIAN")
        ics.raw("METHOD", "PUBLISH")
        ics.text("X-WR-CALNAME", CalendarText.fill(context.strings["calendarName"], ["name": name]))
        for item in items {
            ics.raw("BEGIN", "VEVENT")
            ics.raw("UID", item.uid)
            ics.raw("DTSTAMP", stamp)
            ics.raw("DTSTART;VALUE=DATE", ICSWriter.date(item.date))
            // DTEND is exclusive: the day after the last day.
            ics.raw("DTEND;VALUE=DATE", ICSWriter.date((item.until ?? item.date).adding(days: 1)))
            ics.text("SUMMARY", words.headline(item))
            ics.text("DESCRIPTION", description(item, words: words))
            ics.text("CATEGORIES", context.strings["agenda.kind." + item.kind.rawValue])
            if let url = absoluteURL(item.target) { ics.raw("URL", url) }
            ics.raw("TRANSP", "TRANSPARENT")
            ics.raw("END", "VEVENT")
        }
        ics.raw("END", "VCALENDAR")
        return ics.text
    }

    private func description(_ item: AgendaItem, words: CalendarText) -> String {
        let details = words.details(item).map { part in part.label.map { "\($0) \(part.text)" } ?? part.text }
        let state = CalendarText.fill(context.strings["calendarStateLine"], [
            "state": words.when(item), "date": context.strings.format(context.asOf),
        ])
        return ([words.headline(item)] + (details.isEmpty ? [] : [details.joined(separator: " · ")]) + [state])
            .joined(separator: "\n")
    }

    /// The page's address when the site is published at an absolute `base_url` (`https://...`);
    /// a relative address is no URI, so the property is left out otherwise.
    private func absoluteURL(_ target: String) -> String? {
        let base = context.site.config.baseURL
        guard base.hasPrefix("https://") || base.hasPrefix("http://"),
              !base.contains(where: { $0 == " " || $0 == "\"" || $0 == "<" || $0 == ">" || $0.isNewline }) else { return nil }
        let path = target.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? target
        return (base.hasSuffix("/") ? base : base + "/") + path
    }
}
