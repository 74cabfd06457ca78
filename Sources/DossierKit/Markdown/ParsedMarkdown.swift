/// A Markdown body after parsing: its HTML and what the rest of the pipeline needs to know about it.
public struct ParsedMarkdown: Sendable, Equatable {
    /// The body's HTML as UTF-8. Every link to another content file (relative `.md` link or wiki link)
    /// has `href="dossier-link:N"`, where N indexes `links`; the render stage replaces it with the
    /// page's URL. Bytes, because the entry pages splice it into bytes (`BodyHTML.bytes`).
    public var htmlUTF8: [UInt8]
    /// `htmlUTF8` as text.
    public var html: String {
        get { String(decoding: htmlUTF8, as: UTF8.self) }
        set { htmlUTF8 = Array(newValue.utf8) }
    }
    /// Every heading, in document order, with the unique `id` its HTML carries.
    public var headings: [MarkdownHeading]
    /// Every link in document order, and images that point at a `.md` file.
    public var links: [MarkdownLink]
    /// The text without markup, for the search index, as UTF-8: it goes into the index as bytes, and
    /// making it a `String` checked every byte again (1.8 % of a 10k build). Always collapsed as the
    /// index collapses its texts (`WhiteSpaceRuns.collapsed`: runs of ASCII white space and U+3000 are
    /// one space, none at either end), so the index takes it as it is; a value set from outside is
    /// collapsed on the way in.
    public var plainTextUTF8: [UInt8] {
        didSet { plainTextUTF8 = WhiteSpaceRuns.collapsed(plainTextUTF8) }
    }

    /// `plainTextUTF8` as text.
    public var plainText: String { String(decoding: plainTextUTF8, as: UTF8.self) }

    public init(html: String = "", headings: [MarkdownHeading] = [], links: [MarkdownLink] = [], plainText: String = "") {
        self.init(htmlUTF8: Array(html.utf8), headings: headings, links: links,
                  plainTextUTF8: WhiteSpaceRuns.collapsed(Array(plainText.utf8)))
    }

    /// - Parameters: `htmlUTF8` and `plainTextUTF8`: valid UTF-8 (cmark's output for a valid UTF-8
    ///   document); `plainTextUTF8` collapsed already (`PlainText.bytes(of:)`).
    init(htmlUTF8: [UInt8], headings: [MarkdownHeading], links: [MarkdownLink], plainTextUTF8: [UInt8]) {
        assert(plainTextUTF8.withUnsafeBufferPointer(WhiteSpaceRuns.isCollapsed), "plain text collapsed for the index")
        self.htmlUTF8 = htmlUTF8
        self.headings = headings
        self.links = links
        self.plainTextUTF8 = plainTextUTF8
    }
}

public struct MarkdownHeading: Sendable, Equatable {
    /// 1 to 6.
    public var level: Int
    /// The heading's text without markup.
    public var text: String
    /// The heading's `id` (a GitHub-style slug, unique within the body).
    public var anchor: String
    /// The line in the source file (front matter included).
    public var line: Int

    public init(level: Int, text: String, anchor: String, line: Int) {
        self.level = level
        self.text = text
        self.anchor = anchor
        self.line = line
    }
}

public struct MarkdownLink: Sendable, Equatable {
    public enum Target: Sendable, Equatable {
        /// A relative link to a `.md` file: the path as written (percent-decoded), e.g. "../procedures/PR-03.md".
        case contentPath(path: String, anchor: String?)
        /// A wiki link: `[[PR-03]]`, `[[PR-03#anchor]]`, `[[PR-03|label]]`.
        case contentID(id: String, anchor: String?)
        /// `#section` within the same file (percent-decoded, without the `#`).
        case anchor(String)
        /// Any other destination (`https:`, `mailto:`, a relative link to a file that is not Markdown),
        /// left unchanged in the HTML.
        case external(String)
    }

    public var target: Target
    /// The line in the source file (front matter included).
    public var line: Int
    /// The 1-based column of the link's first character (`[`, `!` or `<`), counted in characters.
    public var column: Int

    public init(target: Target, line: Int, column: Int) {
        self.target = target
        self.line = line
        self.column = column
    }
}
