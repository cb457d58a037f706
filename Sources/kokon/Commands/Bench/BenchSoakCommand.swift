import ArgumentParser
import Foundation
import KokonBench
import Logging

/// `kokon bench soak`
struct BenchSoakCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "soak",
        abstract: "Keep kokon serve under mixed load, crash its database half-way, and check nothing was lost.",
        discussion: """
            Starts a throwaway PostgreSQL of its own (so it may crash it), sets up one \
            municipality with 200 households, a coordinator and two API tokens, and runs \
            `kokon serve` on a free loopback port as a separate process. Then, for --seconds: \
            four clients read households, two create them, one signs in through the form and one \
            publishes, each one request at a time. Half-way, the database is stopped as a crash \
            would stop it (`pg_ctl stop -m immediate`) and started again after --downtime \
            seconds. The server's resident memory is sampled throughout.

            Passes when every request outside the outage gets its expected answer (200 or 201; \
            no 4xx, no 5xx, none unanswered), every request during it that fails gets 503 quickly, the server serves writes again by itself, and every \
            household the API acknowledged with 201 is in the database afterwards. Prints the \
            p99 latency and the memory growth after warm-up (the last half's mean over the \
            first half's; above 1.15 fails a run of 5 minutes or more). --full runs 10 minutes, \
            sampling memory every 30 s.
            """
    )

    @Option(help: ArgumentHelp("Folder of programme templates.", valueName: "folder"))
    var models = "models"

    @Option(help: "Seconds of load (ignored with --full).")
    var seconds = 60

    @Flag(help: "The full soak: 10 minutes, memory sampled every 30 s.")
    var full = false

    @Option(help: "Seconds between memory samples (default: 30 with --full, else 5).")
    var sampleEvery: Int?

    @Option(help: "Seconds the database stays down.")
    var downtime = 5

    @Flag(inversion: .prefixedNo, help: "Crash and restart the database half-way.")
    var fault = true

    func validate() throws {
        guard (20...3600).contains(seconds) else { throw ValidationError("--seconds must be from 20 to 3600, not \(seconds)") }
        guard (1...60).contains(downtime) else { throw ValidationError("--downtime must be from 1 to 60 seconds, not \(downtime)") }
        if let sampleEvery, !(1...300).contains(sampleEvery) { throw ValidationError("--sample-every must be from 1 to 300 seconds") }
    }

    func run() async throws {
        let duration = full ? 600 : seconds
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        var logger = Logger(label: "kokon.bench")
        logger.logLevel = .warning
        let bench = SoakBench(
            models: URL(fileURLWithPath: models).standardizedFileURL.path, executable: executable, seconds: duration,
            sampleEvery: sampleEvery ?? (full ? 30 : 5), fault: fault, downtime: downtime)
        let result = try await bench.run(logger: logger) { print("… \($0)") }
        let total = result.requests.values.reduce(0, +)
        print("requests: " + result.requests.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", "))
        print("memory (kB by second): " + result.memory.map { "\($0.second) s \($0.kilobytes)" }.joined(separator: ", "))
        var problems: [String] = []
        if result.failures > 0 {
            problems.append("\(result.failures) requests outside the outage did not get their expected answer: " + result.failureSamples.joined(separator: "; "))
        }
        if result.missing > 0 { problems.append("\(result.missing) of \(result.acknowledged) acknowledged households are missing") }
        if fault {
            print(
                String(
                    format: "outage: %d requests, %d answered 503 (slowest %.0f ms), %d failed otherwise; writes again %@ after the restart", result.duringFault,
                    result.unavailable, result.slowestUnavailable, result.otherFaultFailures, result.recoveredAfter.map { String(format: "%.1f s", $0) } ?? "never"))
            if result.otherFaultFailures > 0 {
                problems.append(
                    "\(result.otherFaultFailures) requests during the outage failed with something other than 503: "
                        + result.otherFaultSamples.joined(separator: "; "))
            }
            if result.slowestUnavailable > 2000 { problems.append("a 503 took \(Int(result.slowestUnavailable)) ms; it should come at once") }
            if result.recoveredAfter == nil { problems.append("the server did not serve a write again after the database came back") }
        }
        if duration >= 300, result.memoryGrowth > 1.15 { problems.append(String(format: "memory grew %.2fx after warm-up", result.memoryGrowth)) }
        guard problems.isEmpty else { throw CommandRefusal(description: "the soak failed: " + problems.joined(separator: "; ")) }
        print(
            String(
                format: "soak: %d s, 0 of %d responses failed outside the outage, %d/%d acknowledged writes kept, memory %.2fx after warm-up, p99 %.1f ms%@",
                duration, total, result.acknowledged - result.missing, result.acknowledged, result.memoryGrowth, result.p99,
                fault ? String(format: ", database crashed for %d s: all 503, recovered in %.1f s", downtime, result.recoveredAfter ?? 0) : ""))
    }
}
