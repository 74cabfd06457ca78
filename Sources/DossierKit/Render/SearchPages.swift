/// Placeholder while this page family is being written (issue 4); it renders nothing yet.
struct SearchPages: PageFamily {
    let context: RenderContext
    init(context: RenderContext) { self.context = context }
    func render() throws -> [OutputFile] { [] }
}
