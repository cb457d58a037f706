public import Templates

/// A programme version's lineage as a graph drawn on the server: the programmes it extends,
/// the other versions of it, the programmes built on it, the library components it uses and
/// the municipalities running each version. Laid out here in SVG units; a page draws it
/// through the `lineage` partial and lists the same facts as text beside it.
public struct LineageGraph: Sendable {
    /// One box.
    struct Node: Sendable {
        let x: Int
        let y: Int
        let textX: Int
        let textY: Int
        let subY: Int
        let label: String
        let sublabel: String
        /// The full name, for a tooltip when the label is shortened.
        let title: String
        let link: String?
        /// `current`, `programme`, `component` or `municipality`.
        let style: String
    }

    /// One line between boxes, with what it means.
    struct Edge: Sendable {
        let x1: Int
        let y1: Int
        let x2: Int
        let y2: Int
        let dashed: Bool
    }

    /// A fact of the graph in words, for readers who cannot see it.
    struct Fact: Sendable {
        let text: String
    }

    static let boxWidth = 250
    static let boxHeight = 44
    static let rowGap = 16
    static let columns = [10, 330, 650]

    let width = 910
    let height: Int
    let nodes: [Node]
    let edges: [Edge]
    let facts: [Fact]
    let description: String

    /// The graph around `programme`, among `catalogue`; `running` gives, by programme
    /// reference, the names of the municipalities running it.
    public init(programme: Programme, catalogue: [Programme], running: [String: [String]]) {
        var nodes: [Node] = []
        var edges: [Edge] = []
        var facts: [String] = []
        // The middle column: what it extends, its versions, and what extends it.
        let ancestors = programme.lineage.compactMap { reference in catalogue.first { $0.reference == reference || $0.id == reference } }
        let versions = catalogue.filter { $0.id == programme.id }.sorted { $0.version < $1.version }
        let descendants = catalogue.filter { $0.id != programme.id && $0.lineage.contains { $0 == programme.reference || $0.hasPrefix(programme.id + "@") || $0 == programme.id } }
        var chain: [(Programme, String)] = ancestors.map { ($0, "rozwija") }
        chain += versions.map { ($0, "wersja") }
        chain += descendants.map { ($0, "rozwinięcie") }
        func top(_ row: Int) -> Int { 10 + row * (Self.boxHeight + Self.rowGap) }
        var rowOf: [String: Int] = [:]
        for (row, (item, _)) in chain.enumerated() {
            rowOf[item.reference] = row
            let current = item.reference == programme.reference
            nodes.append(
                Self.node(
                    column: 1, top: top(row), label: item.name.pl, sublabel: "wersja \(item.version)",
                    link: current ? nil : "/programmes/\(item.id)/\(item.version)", style: current ? "current" : "programme"))
        }
        func connect(_ from: Int, _ to: Int, dashed: Bool) {
            let x = Self.columns[1] + Self.boxWidth / 2
            edges.append(Edge(x1: x, y1: top(from) + Self.boxHeight, x2: x, y2: top(to), dashed: dashed))
        }
        for (index, ancestor) in ancestors.enumerated() {
            let next = index + 1 < ancestors.count ? ancestors[index + 1].reference : versions.first?.reference
            if let row = rowOf[ancestor.reference], let next, let nextRow = rowOf[next] { connect(row, nextRow, dashed: false) }
            facts.append("\(programme.name.pl) rozwija model „\(ancestor.name.pl)” (\(ancestor.reference)).")
        }
        for (earlier, later) in zip(versions, versions.dropFirst()) {
            if let a = rowOf[earlier.reference], let b = rowOf[later.reference] { connect(a, b, dashed: true) }
            facts.append("Wersja \(later.version) zastępuje wersję \(earlier.version).")
        }
        for descendant in descendants {
            if let a = rowOf[programme.reference], let b = rowOf[descendant.reference] { connect(a, b, dashed: false) }
            facts.append("Model „\(descendant.name.pl)” (\(descendant.reference)) rozwija ten program.")
        }
        // The left column: library components the shown version uses.
        let used = (programme.components ?? []).compactMap { component in component.use.map { (component, $0) } }
        let currentRow = rowOf[programme.reference] ?? 0
        for (index, (component, reference)) in used.enumerated() {
            nodes.append(
                Self.node(column: 0, top: top(index), label: component.name?.pl ?? component.id, sublabel: "z biblioteki: \(reference)", link: nil, style: "component"))
            edges.append(
                Edge(
                    x1: Self.columns[0] + Self.boxWidth, y1: top(index) + Self.boxHeight / 2, x2: Self.columns[1], y2: top(currentRow) + Self.boxHeight / 2,
                    dashed: false))
            facts.append("Korzysta z komponentu z biblioteki „\(component.name?.pl ?? component.id)” (\(reference)).")
        }
        // The right column: the municipalities running each version in the chain.
        var municipalityRow = 0
        for (row, (item, _)) in chain.enumerated() {
            for name in (running[item.reference] ?? []).sorted() {
                let y = top(municipalityRow)
                nodes.append(Self.node(column: 2, top: y, label: name, sublabel: "realizuje wersję \(item.version)", link: nil, style: "municipality"))
                edges.append(
                    Edge(
                        x1: Self.columns[1] + Self.boxWidth, y1: top(row) + Self.boxHeight / 2, x2: Self.columns[2], y2: y + Self.boxHeight / 2, dashed: false))
                facts.append("\(name) realizuje \(item.name.pl) w wersji \(item.version).")
                municipalityRow += 1
            }
        }
        if municipalityRow == 0 {
            facts.append("Żadna gmina nie realizuje jeszcze tego programu w żadnej z tych wersji.")
        }
        let rows = max(chain.count, used.count, municipalityRow, 1)
        height = top(rows) + 4
        self.nodes = nodes
        self.edges = edges
        self.facts = facts.map(Fact.init)
        description = "Rodowód programu \(programme.name.pl): " + facts.joined(separator: " ")
    }

    static func node(column: Int, top: Int, label: String, sublabel: String, link: String?, style: String) -> Node {
        let x = columns[column]
        let shown = label.count > 34 ? String(label.prefix(33)) + "…" : label
        return Node(
            x: x, y: top, textX: x + 10, textY: top + 18, subY: top + 36, label: shown, sublabel: sublabel, title: label, link: link, style: style)
    }
}
