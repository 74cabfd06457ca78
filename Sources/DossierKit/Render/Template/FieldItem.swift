/// One display item of a field's value, typed: a link, a badge or plain text, and whether it is the
/// field's last item. `FieldValues` makes them; a template sees the names and values `fields` lists.
///
/// Why not a `TemplateFields`: every field row and table cell holds one or more items, 130,000 at
/// 10 000 records. As up to seven name-value pairs each item was an array built pair by pair, asked
/// for nine names by `FieldItemsPartial` (each a walk comparing names), and freed pair by pair through
/// the runtime's generic tuple code. A class instance is one allocation with its fields where the
/// partial reads them.
public final class FieldItem: Sendable {
    public enum Shape: Sendable {
        /// Text; `isMissing` and `isOverdue` mark a required value that is missing or a date past due.
        case plain(isMissing: Bool, isOverdue: Bool)
        /// A link (a clause or an attachment).
        case link(href: String)
        /// A link to an entry, with its title.
        case reference(title: String, href: String)
        /// A reference to an entry that does not exist: text marked missing.
        case missingReference
        /// An enumeration value or a flag: `badge` is the value, `text` the theme's word for it.
        case badge(String)
    }

    let text: String
    let shape: Shape
    /// The field's last item: the template puts no separator after it.
    let last: Bool

    init(_ text: String, _ shape: Shape, last: Bool) {
        self.text = text
        self.shape = shape
        self.last = last
    }

    /// The item as the pairs a template sees, in this order. `last` is there only when true, and each
    /// shape has its own names: a template can tell a missing name from `false` (`{{isLink}}` prints
    /// `false` for one and nothing for the other), so these are exactly the pairs items always had.
    var fields: TemplateFields {
        var fields: TemplateFields
        switch shape {
        case let .plain(isMissing, isOverdue):
            fields = ["text": .text(text), "isPlain": .bool(true), "isMissing": .bool(isMissing), "isOverdue": .bool(isOverdue)]
        case let .link(href):
            fields = ["text": .text(text), "href": .text(href), "isLink": .bool(true)]
        case let .reference(title, href):
            fields = ["text": .text(text), "title": .text(title), "href": .text(href), "isLink": .bool(true),
                      "isPlain": .bool(false), "isMissing": .bool(false)]
        case .missingReference:
            fields = ["text": .text(text), "missing": .bool(true), "isLink": .bool(false), "isPlain": .bool(true),
                      "isMissing": .bool(true)]
        case let .badge(badge):
            fields = ["text": .text(text), "badge": .text(badge), "isBadge": .bool(true)]
        }
        if last { fields.add("last", .bool(true)) }
        return fields
    }

    /// `fields[name]` without making the pairs: what a theme's own template asks of an item.
    func value(_ name: String) -> TemplateValue? {
        switch name {
        case "text": return .text(text)
        case "last": return last ? .bool(true) : nil
        default: break
        }
        switch (shape, name) {
        case (.plain, "isPlain"), (.link, "isLink"), (.reference, "isLink"), (.missingReference, "missing"),
             (.missingReference, "isPlain"), (.missingReference, "isMissing"), (.badge, "isBadge"):
            return .bool(true)
        case (.reference, "isPlain"), (.reference, "isMissing"), (.missingReference, "isLink"):
            return .bool(false)
        case let (.plain(isMissing, _), "isMissing"): return .bool(isMissing)
        case let (.plain(_, isOverdue), "isOverdue"): return .bool(isOverdue)
        case let (.link(href), "href"), let (.reference(_, href), "href"): return .text(href)
        case let (.reference(title, _), "title"): return .text(title)
        case let (.badge(badge), "badge"): return .text(badge)
        default: return nil
        }
    }
}
