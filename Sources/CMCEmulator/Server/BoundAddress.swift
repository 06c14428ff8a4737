/// The address the server actually bound, known only once it is listening (port 0 picks one).
actor BoundAddress {
    private var authority: String

    init(host: String, port: Int) {
        self.authority = "\(host):\(port)"
    }

    func set(host: String, port: Int) {
        authority = "\(host):\(port)"
    }

    func value() -> String { authority }
}
