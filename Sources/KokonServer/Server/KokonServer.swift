public import Hummingbird
public import Logging
import ServiceLifecycle
import UnixSignals

/// Kokon's server: the browser pages and the JSON API on one router, behind the middleware
/// every request passes (logging and metrics, security headers, authentication, CSRF).
public enum KokonServer {
    /// The router with every route; tests drive it in-process or on loopback.
    public static func router(services: ServerServices) -> Router<KokonRequestContext> {
        let router = Router(context: KokonRequestContext.self)
        // Outermost first: security headers go on every answer, errors turned into answers too.
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: RequestLogMiddleware(metrics: services.metrics))
        HealthRoutes.add(to: router, services: services)

        let pages = router.group()
            .add(middleware: AuthenticationMiddleware(services: services))
            .add(middleware: ErrorTranslationMiddleware())
            .add(middleware: CSRFMiddleware(bodyLimit: services.configuration.bodyLimit))
        SignInRoutes.add(to: pages, services: services)
        CaseworkRoutes.add(to: pages, services: services)
        PublishingRoutes.add(to: pages, services: services)
        DashboardRoutes.add(to: pages, services: services)
        AdaptationRoutes.add(to: pages, services: services)
        UpgradeRoutes.add(to: pages, services: services)
        ImportRoutes.add(to: pages, services: services)
        PasswordRoutes.add(to: pages, services: services)
        SecondFactorRoutes.add(to: pages, services: services)
        ProgrammeRoutes.add(to: pages, services: services)
        NetworkRoutes.add(to: pages, services: services)

        let api = router.group("/api/v1")
        OpenAPIRoute.add(to: api)
        let authenticated = api.group()
            .add(middleware: AuthenticationMiddleware(services: services))
            .add(middleware: ErrorTranslationMiddleware())
            .add(middleware: CSRFMiddleware(bodyLimit: services.configuration.bodyLimit))
        ProgrammesAPI.add(to: authenticated, services: services)
        MunicipalitiesAPI.add(to: authenticated, services: services)
        AdaptationsAPI.add(to: authenticated, services: services)
        RecordsAPI.add(to: authenticated, services: services)
        return router
    }

    /// The application, listening where `services.configuration` says.
    public static func application(services: ServerServices, logger: Logger) -> some ApplicationProtocol {
        Application(
            router: router(services: services),
            configuration: .init(address: .hostname(services.configuration.host, port: services.configuration.port), serverName: "Kokon"),
            services: [services.audit], logger: logger)
    }
}

extension KokonServer {
    /// Runs the server until SIGINT or SIGTERM, then shuts down gracefully: it stops accepting
    /// connections and lets requests in flight finish for at most the configured grace.
    public static func run(services: ServerServices, logger: Logger) async throws {
        let app = application(services: services, logger: logger)
        var configuration = ServiceGroupConfiguration(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        configuration.maximumGracefulShutdownDuration = services.configuration.shutdownGrace
        try await ServiceGroup(configuration: configuration).run()
    }
}
