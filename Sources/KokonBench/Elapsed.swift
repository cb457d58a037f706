extension ContinuousClock.Instant {
    /// Seconds from this instant until now, for timings the commands print.
    public var secondsElapsed: Double {
        let elapsed = ContinuousClock.now - self
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
