import Foundation

/// One JSON object on stdout.
enum JSONOutput {
    /// One line of sorted-key JSON.
    ///
    /// - Throws: ``JSONOutputError`` when the value cannot be encoded (never an empty `{}` in its place).
    static func render(_ value: some Encodable) throws(JSONOutputError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            throw JSONOutputError(description: "cannot encode the output as JSON: \(error)")
        }
    }
}

/// The output could not be encoded as JSON (a non-finite number, for example): the command fails (exit 1)
/// rather than print something that is not the answer.
struct JSONOutputError: Error, CustomStringConvertible {
    var description: String
}
