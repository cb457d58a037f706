import Foundation

/// Every programme, library component and tenant found under the given folders, with their
/// diagnostics; resolves references like `wygrana-rodzina@1`, builds ``Programme``s, and
/// checks each ``Tenant`` against the programmes it adopts.
public struct ModelCatalog: Sendable {
    /// The files read, in path order.
    public private(set) var files: [TemplateFile] = []
    /// Everything found wrong or suspicious, across all files.
    public private(set) var diagnostics = Diagnostics()
    /// The text of each file, for rendering diagnostics.
    public private(set) var sources: [String: String] = [:]
    private var resolved: [String: Programme] = [:]
    private var resolvedTenants: [String: Tenant] = [:]

    /// An empty catalog, to be filled with ``add(bytes:path:kind:loader:)`` and checked with ``checkAll()``.
    public init() {}

    /// Reads every `.yaml`/`.yml` file under the paths (files or folders). Files under a
    /// `components` folder are library components, files under a `tenants` folder are
    /// municipalities; the rest are programmes. Every file under `tenants` is a municipality,
    /// whatever its folder is called (`kokon … --tenants other-folder`).
    public static func load(paths: [String], tenants: [String] = [], loader: YAMLLoader = YAMLLoader()) -> ModelCatalog {
        var catalog = ModelCatalog()
        let named = Set(Self.yamlFiles(in: tenants))
        var seen = Set<String>()
        for file in Self.yamlFiles(in: paths + tenants) where seen.insert(file).inserted {
            let folders = file.split(separator: "/").dropLast()
            let kind: TemplateFile.Kind =
                named.contains(file) || folders.contains("tenants") ? .tenant : folders.contains("components") ? .component : .programme
            guard let bytes = FileManager.default.contents(atPath: file) else {
                catalog.diagnostics.append(
                    Diagnostic(
                        file: file, location: SourceLocation(line: 1, column: 1), code: "unreadable",
                        message: "the file cannot be read", hint: "check that it exists and you may read it"))
                continue
            }
            catalog.add(bytes: Array(bytes), path: file, kind: kind, loader: loader)
        }
        catalog.checkAll()
        return catalog
    }

    /// Adds one file's content (used by `load` and by tests).
    public mutating func add(bytes: [UInt8], path: String, kind: TemplateFile.Kind, loader: YAMLLoader = YAMLLoader()) {
        let result = loader.load(bytes, file: path)
        diagnostics.append(contentsOf: result.diagnostics)
        if let source = result.source { sources[path] = source }
        var value: Value?
        if let root = result.root {
            var validator = SchemaValidator(file: path)
            let schema =
                switch kind {
                case .programme: ProgrammeSchema.programme
                case .component: ProgrammeSchema.libraryComponent
                case .tenant: TenantSchema.tenant
                }
            value = validator.validate(root, as: .object(schema), path: "")
            diagnostics.append(contentsOf: validator.diagnostics)
        }
        files.append(TemplateFile(path: path, kind: kind, source: result.source, value: value))
    }

    /// Checks every programme (resolving extends and library components) and records findings.
    public mutating func checkAll() {
        var seen: [String: String] = [:]
        for file in files {
            guard let id = file.id, let version = file.version, let value = file.value else { continue }
            let key = "\(file.kind.rawValue):\(id)@\(version)"
            if let other = seen[key] {
                diagnostics.append(
                    Diagnostic(
                        file: file.path, location: value["version"]?.location ?? value.location, code: "duplicate-version",
                        message: "\(id)@\(version) is also defined in \(other)",
                        hint: "give this file a new version number, or remove one of the copies"))
            }
            seen[key] = file.path
        }
        for file in files where file.kind == .programme && file.value != nil {
            var resolver = ProgrammeResolver(catalog: self)
            if let programme = resolver.resolve(file) {
                resolved[programme.reference] = programme
            }
            diagnostics.append(contentsOf: resolver.diagnostics)
        }
        for file in files where file.kind == .tenant && file.value != nil {
            var resolver = TenantResolver(catalog: self)
            if let tenant = resolver.resolve(file) {
                if let other = resolvedTenants[tenant.id] {
                    diagnostics.append(
                        Diagnostic(
                            file: file.path, location: file.value?["id"]?.location ?? SourceLocation(line: 1, column: 1), code: "duplicate-tenant",
                            message: "the tenant id '\(tenant.id)' is also used by \(other.name)",
                            hint: "every municipality needs its own id"))
                } else {
                    resolvedTenants[tenant.id] = tenant
                }
            }
            diagnostics.append(contentsOf: resolver.diagnostics)
        }
        var unique: [Diagnostic] = []
        var keys = Set<String>()
        for diagnostic in diagnostics.all
        where keys.insert("\(diagnostic.file):\(diagnostic.location.line):\(diagnostic.location.column):\(diagnostic.code):\(diagnostic.message)").inserted {
            unique.append(diagnostic)
        }
        diagnostics = Diagnostics()
        diagnostics.append(contentsOf: unique)
    }

    /// Every resolved programme, by id then version.
    public var programmes: [Programme] {
        resolved.values.sorted { ($0.id, $0.version) < ($1.id, $1.version) }
    }

    /// Every tenant that passed its checks, by id.
    public var tenants: [Tenant] {
        resolvedTenants.values.sorted { $0.id < $1.id }
    }

    /// The tenant with an id.
    public func tenant(_ id: String) -> Tenant? { resolvedTenants[id] }

    /// The newest file of a kind matching a reference (`id@1`, `id@1.2`, `id@1.2.3`).
    public func file(_ reference: ModelReference, kind: TemplateFile.Kind) -> TemplateFile? {
        files.filter { $0.kind == kind && $0.id == reference.id && $0.version.map(reference.matches) == true && $0.value != nil }
            .max { $0.version! < $1.version! }
    }

    /// The programme for `id`, `id@1`, `id@1.2` or `id@1.2.3`: the newest version matching.
    /// A range follows approved versions: a draft or a withdrawn version is chosen by a range
    /// only when nothing approved matches, and is otherwise reached by its exact number.
    public func programme(_ text: String) -> Programme? {
        let reference = text.contains("@") ? ModelReference.parse(text) : ModelReference(id: text, versionPrefix: [])
        guard let reference else { return nil }
        let matching = programmes.filter { $0.id == reference.id && reference.matches($0.version) }
        if reference.versionPrefix.count < 3, let approved = matching.filter(\.isAdoptable).max(by: { $0.version < $1.version }) {
            return approved
        }
        return matching.max { $0.version < $1.version }
    }

    /// Versions known for an id, for "did you mean" messages.
    public func knownReferences() -> [String] {
        files.compactMap { file in file.id.flatMap { id in file.version.map { "\(id)@\($0)" } } }
    }

    /// A diagnostic rendered with its source line.
    public func render(_ diagnostic: Diagnostic) -> String {
        diagnostic.rendered(source: sources[diagnostic.file])
    }

    static func yamlFiles(in paths: [String]) -> [String] {
        var found: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                found.append(path)
                continue
            }
            if !isDirectory.boolValue {
                found.append(path)
                continue
            }
            // A folder given as a symbolic link (say, models shared between projects) is read
            // through the link: the enumerator does not descend into a link itself.
            let folder = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            let enumerator = FileManager.default.enumerator(atPath: folder)
            while let relative = enumerator?.nextObject() as? String {
                if relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") {
                    found.append((path.hasSuffix("/") ? path : path + "/") + relative)
                }
            }
        }
        return found.sorted()
    }
}
