/// The built-in theme's `fields` partial (a field's values as links, badges and plain text, with
/// separators), written directly instead of walked node by node.
///
/// Why: every field row of every entry page and every cell of the record-type tables renders it, some
/// 123,000 times at 10 000 records (132,000 items, each asked for nine names); walking it was 7 % of a
/// 10k build's instructions. This writes the same bytes from the same values, and is used only while
/// the theme's `fields` partial is exactly `text` (a theme that overrides it is rendered as written).
/// For a value of any shape the partial's sections would treat otherwise (a flag that is not a
/// boolean, a text that is not text) it writes nothing and the template is walked.
enum FieldItemsPartial {
    static let name = "fields"

    /// The partial this renders (the built-in theme's `templates/fields.mustache`, byte for byte).
    static let text = #"{{#items}}{{#.isLink}}<a href="{{.href}}">{{.text}}</a>{{/.isLink}}{{#.isBadge}}<span class="badge badge--{{.badge}}">{{.text}}</span>{{/.isBadge}}{{#.isPlain}}<span{{#.isMissing}} class="missing"{{/.isMissing}}{{#.isOverdue}} class="overdue"{{/.isOverdue}}>{{.text}}</span>{{/.isPlain}}{{^.last}}<span class="sep">, </span>{{/.last}}{{/items}}"# + "\n"

    /// Renders the partial at the end of `output` with `items` (what `{{#items}}` found on the context
    /// stack); false, with `output` as it was, when a value needs the template's own walk.
    static func render(items: TemplateValue?, into output: inout ByteBuffer) -> Bool {
        let start = output.count
        switch items {
        case nil, .bool(false)?:
            break
        case let .list(values)?:
            for value in values {
                switch value {
                case let .item(item):
                    write(item, into: &output)
                case let .fields(item) where write(item, into: &output):
                    break
                default:
                    output.removeLast(output.count - start)
                    return false
                }
            }
        default:
            return false
        }
        output.append(0x0A)
        return true
    }

    /// One item; false when one of its values needs the template's walk.
    private static func write(_ item: TemplateFields, into output: inout ByteBuffer) -> Bool {
        guard let isLink = flag(item.value("isLink", count: 6)), let isBadge = flag(item.value("isBadge", count: 7)),
              let isPlain = flag(item.value("isPlain", count: 7)) else { return false }
        if isLink, !element("<a href=\"", item.value("href", count: 4), "</a>", text: item, into: &output) { return false }
        if isBadge, !element("<span class=\"badge badge--", item.value("badge", count: 5), "</span>", text: item,
                             into: &output) { return false }
        if isPlain {
            guard let missing = flag(item.value("isMissing", count: 9)),
                  let overdue = flag(item.value("isOverdue", count: 9)) else { return false }
            openPlain(missing: missing, overdue: overdue, into: &output)
            guard escaped(item.value("text", count: 4), into: &output) else { return false }
            append("</span>", to: &output)
        }
        // An inverted section pushes nothing: Mustache's falseness decides it for any value.
        if TemplateRenderer.isFalse(item.value("last", count: 4)) { append("<span class=\"sep\">, </span>", to: &output) }
        return true
    }

    /// A typed item (`FieldItem`): the same bytes as its `fields` walked, read straight from its shape.
    private static func write(_ item: FieldItem, into output: inout ByteBuffer) {
        switch item.shape {
        case let .link(href), let .reference(_, href):
            append("<a href=\"", to: &output)
            HTMLText.appendEscaped(href, to: &output)
            append("\">", to: &output)
            HTMLText.appendEscaped(item.text, to: &output)
            append("</a>", to: &output)
        case let .badge(badge):
            append("<span class=\"badge badge--", to: &output)
            HTMLText.appendEscaped(badge, to: &output)
            append("\">", to: &output)
            HTMLText.appendEscaped(item.text, to: &output)
            append("</span>", to: &output)
        case let .plain(isMissing, isOverdue):
            plain(item.text, missing: isMissing, overdue: isOverdue, into: &output)
        case .missingReference:
            plain(item.text, missing: true, overdue: false, into: &output)
        }
        if !item.last { append("<span class=\"sep\">, </span>", to: &output) }
    }

    /// `<span{{#.isMissing}} class="missing"{{/.isMissing}}{{#.isOverdue}} class="overdue"{{/.isOverdue}}>`:
    /// a plain item's opening tag, for both kinds of item.
    private static func openPlain(missing: Bool, overdue: Bool, into output: inout ByteBuffer) {
        append("<span", to: &output)
        if missing { append(" class=\"missing\"", to: &output) }
        if overdue { append(" class=\"overdue\"", to: &output) }
        append(">", to: &output)
    }

    /// A plain typed item's element: its opening tag, the text, `</span>`.
    private static func plain(_ text: String, missing: Bool, overdue: Bool, into output: inout ByteBuffer) {
        openPlain(missing: missing, overdue: overdue, into: &output)
        HTMLText.appendEscaped(text, to: &output)
        append("</span>", to: &output)
    }

    /// `open{{.attribute}}">{{.text}}close`: a link's or a badge's element.
    private static func element(_ open: StaticString, _ attribute: TemplateValue?, _ close: StaticString,
                                text item: TemplateFields, into output: inout ByteBuffer) -> Bool {
        append(open, to: &output)
        guard escaped(attribute, into: &output) else { return false }
        append("\">", to: &output)
        guard escaped(item.value("text", count: 4), into: &output) else { return false }
        append(close, to: &output)
        return true
    }

    /// A section's flag: false when missing, the boolean when one; nil for any other value (a section
    /// over a text or a list pushes it, which this does not do).
    private static func flag(_ value: TemplateValue?) -> Bool? {
        switch value {
        case nil: return false
        case let .bool(flag)?: return flag
        default: return nil
        }
    }

    /// `{{.key}}`: the value HTML-escaped, nothing when missing; false for a value that is not text.
    private static func escaped(_ value: TemplateValue?, into output: inout ByteBuffer) -> Bool {
        switch value {
        case nil: return true
        case let .text(text)?: HTMLText.appendEscaped(text, to: &output)
        case let .utf8(bytes)?: HTMLText.appendEscaped(bytes: bytes, to: &output)
        default: return false
        }
        return true
    }

    @inline(__always)
    private static func append(_ text: StaticString, to output: inout ByteBuffer) {
        output.append(text)
    }
}
