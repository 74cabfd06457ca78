import Foundation

/// `print/manual.html` and `print/procedures.html`: the manual (every chapter, in `order`) and the
/// approved procedures (by id), each as one print-ready page with a cover and a table of contents.
struct PrintPages: PageFamily {
    let context: RenderContext
    init(context: RenderContext) { self.context = context }

    func render() throws -> [OutputFile] {
        [
            try PrintBook(context: context, page: PagePaths.printManual, titleKey: "printManualTitle",
                          emptyKey: "printEmptyManual", countKey: "printChapterCount",
                          backPage: PagePaths.manualIndex, backKey: "printBackToManual", section: "manual",
                          documents: ManualPages.chapters(of: context.site)).render(),
            try PrintBook(context: context, page: PagePaths.printProcedures, titleKey: "printProceduresTitle",
                          emptyKey: "printEmptyProcedures", countKey: "printProcedureCount",
                          backPage: PagePaths.documentRegister, backKey: "printBackToDocuments", section: "documents",
                          documents: Self.procedures(of: context.site)).render(),
        ]
    }

    /// Approved procedures by id, numbers in ids compared as numbers (`PR-2` before `PR-10`).
    static func procedures(of site: Site) -> [Entry] {
        site.entries(ofType: "procedure").filter { $0.string("status") == "approved" }.sorted {
            switch $0.id.compare($1.id, options: [.numeric]) {
            case .orderedAscending: return true
            case .orderedDescending: return false
            case .orderedSame: return $0.id < $1.id
            }
        }
    }
}

extension PagePaths {
    /// The paged-media stylesheet, linked only from the print pages (the theme's `assets/print.css`).
    static let printStylesheet = "assets/print.css"
}
