import ArgumentParser
import Templates

/// `kokon schema`
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of programme templates or tenant files, for YAML editors.",
        discussion: """
            Save it and point your editor's YAML support at it, e.g. with a first line \
            `# yaml-language-server: $schema=../kokon-programme.schema.json` in a template, to get \
            completion and checking while you type. The descriptions are the same as in the guide.
            """
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case programme, component, tenant

        var schema: ObjectSchema {
            switch self {
            case .programme: ProgrammeSchema.programme
            case .component: ProgrammeSchema.libraryComponent
            case .tenant: TenantSchema.tenant
            }
        }

        /// The keys of these files Kokon computes with.
        var uses: [EvaluationUse] {
            switch self {
            case .programme, .component: EvaluationUse.programme
            case .tenant: EvaluationUse.tenant
            }
        }
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, markdown
    }

    @Option(help: "Which files: programme (models/*), component (models/components/*) or tenant (tenants/*).")
    var kind: Kind = .programme

    @Option(help: "json for editors (JSON Schema), markdown for the key reference in docs/.")
    var format: Format = .json

    func run() throws {
        if format == .markdown {
            print(KeyReference.markdown(kind.schema) + KeyReference.evaluationMarkdown(kind.uses), terminator: "")
            return
        }
        print(JSONSchemaExporter.export(kind.schema, id: "https://kokon.example/schema/\(kind.rawValue).json"), terminator: "")
    }
}
