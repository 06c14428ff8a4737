public import CMCModels
public import Foundation

/// A successful API answer: the decoded `data`, the `status` block, and the body exactly as received.
public struct CMCResponse<Value: Sendable>: Sendable {
    /// The decoded `data` payload.
    public var value: Value
    /// The `status` block (credits, timestamps, `total_count`).
    public var status: CMCStatus
    /// The body exactly as received (after content decoding), for raw archives and exact numbers.
    public var body: Data
    /// How the call went.
    public var exchange: CMCExchange
}

/// A successful API answer before `data` is decoded.
public struct CMCRawResponse: Sendable {
    /// The `status` block.
    public var status: CMCStatus
    /// The body exactly as received (after content decoding).
    public var body: Data
    /// How the call went.
    public var exchange: CMCExchange
}
