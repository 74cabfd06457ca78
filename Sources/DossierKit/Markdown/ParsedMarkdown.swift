/// A Markdown body after parsing: its HTML and what the rest of the pipeline needs to know about it.
public struct ParsedMarkdown: Sendable, Equatable {
    /// The body's HTML. Every link to another content file (relative `.md` link or wiki link) has
    /// `href="dossier-link:N"`, where N indexes `links`; the render stage replaces it with the page's URL.
    public var html: String
    /// Every heading, in document order, with the unique `id` its HTML carries.
    public var headings: [MarkdownHeading]
    /// Every link in document order, and images that point at a `.md` file.
    public var links: [MarkdownLink]
    /// The text without markup, whitespace collapsed, for the search index.
    public var plainText: String

    public init(html: String = "", headings: [MarkdownHeading] = [], links: [MarkdownLink] = [], plainText: String = "") {
        self.html = html
        self.headings = headings
        self.links = links
        self.plainText = plainText
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
