/// Maps a request path to a file of the output folder, refusing anything that could leave it.
///
/// FlyingFox hands over the path percent-decoded and with dot segments removed, but an encoded
/// `%2e%2e` survives that as a literal `..` after decoding, so every component is checked here again;
/// the handler also checks the resolved file against the output folder with symbolic links resolved.
enum SitePath: Equatable, Sendable {
    /// A file relative to the output folder, e.g. `manual/index.html`.
    case file(String)
    /// A folder asked for without its trailing slash: relative links in its index page only work
    /// from `/folder/`, so the browser is sent there.
    case redirect(String)
    /// A path that tries to leave the output folder or is not a path at all.
    case refused

    /// `isDirectory` says whether a relative path is a folder in the output.
    static func resolve(_ path: String, isDirectory: (String) -> Bool) -> SitePath {
        guard path.hasPrefix("/") else { return .refused }
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        for part in parts {
            if part == ".." || part == "." { return .refused }
            if part.contains("\\") || part.contains("\0") { return .refused }
            // Hidden names (the output marker, editors' files) are not part of the site.
            if part.hasPrefix(".") { return .refused }
        }
        let relative = parts.joined(separator: "/")
        if relative.isEmpty { return .file("index.html") }
        if isDirectory(relative) {
            guard path.hasSuffix("/") else { return .redirect("/" + parts.map(percentEncoded).joined(separator: "/") + "/") }
            return .file(relative + "/index.html")
        }
        return .file(relative)
    }

    /// Encodes everything but unreserved characters, so a `Location` header never carries raw
    /// bytes or header-breaking characters.
    static func percentEncoded(_ component: String) -> String {
        var out = ""
        for byte in component.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
                 UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
