import Mustache

/// A page Kokon writes as HTML: a view of plain values and the template that lays it out.
///
/// Every HTML page goes through ``PageRenderer``, which escapes every value it inserts. A view
/// holds text, numbers, flags and nested views, never markup: whatever a municipality, a
/// partner or a template author typed reaches the page only as escaped text.
public protocol Page: Sendable {
    /// The template's name: its file in `Sources/Reporting/Pages/` without `.mustache`.
    static var template: String { get }
}

/// Renders pages from the Mustache templates embedded in the binary at build time.
///
/// Templates never use the unescaped forms (`{{{…}}}`, `{{&…}}`); a test checks that, so the
/// only markup on a page is the templates' own, and the layout, styles and charts shared
/// between pages are partials and parents rendered the same way.
public struct PageRenderer: Sendable {
    /// The renderer of every template shipped with Kokon.
    public static let shipped = PageRenderer(files: embeddedPageTemplates.map { ($0.file, $0.text) })

    let library: MustacheLibrary

    /// A renderer of the given templates, by file name (`layout.mustache`, …).
    init(files: [(name: String, text: String)]) {
        var library = MustacheLibrary()
        for file in files {
            let name = file.name.hasSuffix(".mustache") ? String(file.name.dropLast(".mustache".count)) : file.name
            do {
                try library.register(file.text, named: name)
            } catch {
                // The templates are part of the build; a test renders each one.
                preconditionFailure("the page template \(file.name) does not parse: \(error)")
            }
        }
        self.library = library
    }

    /// The names of the embedded templates.
    static var templateNames: [String] { embeddedPageTemplates.map(\.file) }

    /// The page as a complete HTML document.
    public func render<View: Page>(_ view: View) -> String {
        guard let html = library.render(view, withTemplate: View.template) else {
            preconditionFailure("no page template named \(View.template)")
        }
        return html
    }
}
