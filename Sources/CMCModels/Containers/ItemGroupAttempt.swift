/// One member value of a keyed payload: a single object or an array of them. Decoding never throws.
struct ItemGroupAttempt<Item: Decodable>: Decodable {
    enum Shape {
        case single(ItemAttempt<Item>)
        case array([ItemAttempt<Item>])
        case unreadableArray(message: String)
    }

    let shape: Shape

    init(from decoder: any Decoder) {
        // An object (or anything else that is not an array) is read as one item.
        guard var list = try? decoder.unkeyedContainer() else {
            shape = .single(ItemAttempt(from: decoder))
            return
        }
        var attempts: [ItemAttempt<Item>] = []
        while !list.isAtEnd {
            do {
                attempts.append(try list.decode(ItemAttempt<Item>.self))
            } catch {
                // ItemAttempt never throws; a failure here means the array itself is unreadable.
                shape = .unreadableArray(
                    message: DecodingErrorMessage.describe(error, relativeTo: decoder.codingPath)
                )
                return
            }
        }
        shape = .array(attempts)
    }
}
