/// Numbers as text for tables, CSV and messages: the shortest form that reads back as the same `Double`.
package enum NumberText {
    /// `57512.4417`, `21000000` (no `.0` on whole numbers), `1.2e-05` for tiny values.
    package static func plain(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return String(describing: value)
    }
}
