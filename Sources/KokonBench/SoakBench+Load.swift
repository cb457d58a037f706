import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

extension SoakBench {
    /// The load: four readers, two writers, one person signing in and one coordinator
    /// publishing, each sending one request at a time until the time is up.
    final class Load: Sendable {
        let base: String
        let credentials: Credentials
        let seconds: Double
        let session: URLSession
        /// Every request made, in the order answered.
        let exchanges = Mutex<[Exchange]>([])
        /// Codes of the households the API acknowledged creating.
        let acknowledged = Mutex<[String]>([])

        init(base: String, credentials: Credentials, seconds: Double) {
            self.base = base
            self.credentials = credentials
            self.seconds = seconds
            let configuration = URLSessionConfiguration.ephemeral
            configuration.timeoutIntervalForRequest = 15
            configuration.httpMaximumConnectionsPerHost = 16
            session = URLSession(configuration: configuration)
        }

        func run(since start: ContinuousClock.Instant) async throws {
            await withTaskGroup(of: Void.self) { group in
                let workers: [(Exchange.Kind, Int)] = (0..<4).map { (.read, $0) } + (0..<2).map { (.write, $0) } + [(.signIn, 0), (.publish, 0)]
                for (kind, worker) in workers {
                    group.addTask { await self.loop(kind, worker: worker, since: start) }
                }
            }
        }

        func loop(_ kind: Exchange.Kind, worker: Int, since start: ContinuousClock.Instant) async {
            func elapsed() -> Double { SoakBench.elapsed(since: start) }
            var count = 0
            while elapsed() < seconds {
                count += 1
                let sent = elapsed()
                let status = await perform(kind, worker: worker, count: count)
                exchanges.withLock { $0.append(Exchange(kind: kind, sent: sent, answered: elapsed(), status: status)) }
                // Sign-ins and publishes are occasional; a refused request is not retried at once.
                let pause: Double = status >= 500 || status == 0 ? 0.1 : kind == .signIn ? 0.5 : kind == .publish ? 2 : 0
                if pause > 0 { try? await Task.sleep(for: .seconds(pause)) }
            }
        }

        /// One request of its kind; its status, or 0 when none came.
        func perform(_ kind: Exchange.Kind, worker: Int, count: Int) async -> Int {
            let households = "\(base)/api/v1/municipalities/\(SoakBench.tenant)/records/households"
            switch kind {
            case .read:
                return await send(households + String(format: "/H-%04d", count % 200 + 1), token: credentials.readToken)
            case .write:
                let code = "S\(worker)-\(count)"
                let status = await send(households, method: "POST", token: credentials.writeToken, json: #"{"code":"\#(code)","area":"centrum","size":3}"#)
                if status == 201 { acknowledged.withLock { $0.append(code) } }
                return status
            case .publish:
                return await send("\(base)/api/v1/municipalities/\(SoakBench.tenant)/publications", method: "POST", token: credentials.writeToken)
            case .signIn:
                return await signIn()
            }
        }

        func send(_ url: String, method: String = "GET", token: String, json: String? = nil) async -> Int {
            var request = URLRequest(url: URL(string: url)!)
            request.httpMethod = method
            request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
            if let json {
                request.setValue("application/json", forHTTPHeaderField: "Content-Type")
                request.httpBody = Data(json.utf8)
            }
            return await status(of: request, in: session)
        }

        /// The sign-in form, as a browser fills it: its page (for the form token and the
        /// cookie that goes with it), then the form; the answer after the redirect counts.
        func signIn() async -> Int {
            let browser = URLSession(configuration: .ephemeral)
            defer { browser.finishTasksAndInvalidate() }
            guard let (data, response) = try? await browser.data(from: URL(string: base + "/sign-in")!),
                let page = response as? HTTPURLResponse
            else { return 0 }
            guard page.statusCode == 200 else { return page.statusCode }
            let text = String(decoding: data, as: UTF8.self)
            guard let marker = text.range(of: #"name="csrf_token" value=""#), let end = text[marker.upperBound...].firstIndex(of: "\"") else {
                return 0
            }
            let token = String(text[marker.upperBound..<end])
            var request = URLRequest(url: URL(string: base + "/sign-in")!)
            request.httpMethod = "POST"
            request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
            var form = URLComponents()
            form.queryItems = [
                URLQueryItem(name: "csrf_token", value: token), URLQueryItem(name: "email", value: credentials.email), URLQueryItem(name: "password", value: credentials.password),
            ]
            request.httpBody = Data((form.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B").utf8)
            return await status(of: request, in: browser)
        }

        func status(of request: URLRequest, in session: URLSession) async -> Int {
            guard let (_, response) = try? await session.data(for: request), let http = response as? HTTPURLResponse else { return 0 }
            return http.statusCode
        }
    }
}
