public import Templates

/// A programme's handbook as page content: the same sections as its Markdown, shown by
/// `kokon show --format html` and by the server's programme catalogue.
public struct HandbookView: Sendable {
    struct Section: Sendable {
        let title: String
        let blocks: [Block]
    }

    /// Exactly one of the four is set.
    struct Block: Sendable {
        var paragraph: String?
        var heading: String?
        var list: List?
        var table: Table?
    }

    struct List: Sendable {
        let items: [String]
    }

    struct Table: Sendable {
        struct Row: Sendable {
            let cells: [String]
        }

        let header: [String]
        let rows: [Row]
        /// False for a table of label–value pairs, which needs no header row.
        let hasHeader: Bool

        init(header: [String], rows: [Row]) {
            self.header = header
            self.rows = rows
            hasHeader = header.contains { !$0.isEmpty }
        }
    }

    let title: String
    let sections: [Section]

    /// The handbook's sections as a page shows them.
    public init(_ handbook: Handbook) {
        title = handbook.title
        sections = handbook.sections.map { section in
            Section(
                title: section.title,
                blocks: section.blocks.map { block in
                    switch block {
                    case .paragraph(let text): Block(paragraph: text)
                    case .heading(let text): Block(heading: text)
                    case .list(let items): Block(list: List(items: items))
                    case .table(let header, let rows): Block(table: Table(header: header, rows: rows.map(Table.Row.init)))
                    }
                })
        }
    }
}

/// The handbook alone, as one self-contained page.
struct HandbookPage: Page {
    static let template = "handbook"
    let title: String
    let handbook: HandbookView
}

extension Reporting {
    /// A programme's handbook as one self-contained HTML page (inline CSS, no external assets).
    public static func handbookHTML(_ handbook: Handbook) -> String {
        PageRenderer.shipped.render(HandbookPage(title: handbook.title, handbook: HandbookView(handbook)))
    }
}
