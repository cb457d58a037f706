import ArgumentParser
import Templates

/// `kokon schema`
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of programme templates, for YAML editors.",
        discussion: """
            Save it and point your editor's YAML support at it, e.g. with a first line \
            `# yaml-language-server: $schema=../kokon-programme.schema.json` in a template, to get \
            completion and checking while you type. The descriptions are the same as in the guide.
            """
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case programme, component
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, markdown
    }

    @Option(help: "Which files: programme (models/*) or component (models/components/*).")
    var kind: Kind = .programme

    @Option(help: "json for editors (JSON Schema), markdown for the key reference in docs/.")
    var format: Format = .json

    func run() throws {
        if format == .markdown {
            print(KeyReference.markdown(kind == .programme ? ProgrammeSchema.programme : ProgrammeSchema.libraryComponent), terminator: "")
            return
        }
        switch kind {
        case .programme: print(JSONSchemaExporter.export(ProgrammeSchema.programme, id: "https://kokon.example/schema/programme.json"), terminator: "")
        case .component: print(JSONSchemaExporter.export(ProgrammeSchema.libraryComponent, id: "https://kokon.example/schema/component.json"), terminator: "")
        }
    }
}
