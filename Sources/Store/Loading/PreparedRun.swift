public import CMCModels

/// A run folder read and checked, ready for ``RunStore/load(_:logger:)``: the `runs` row, the listings, the
/// metadata and the logos.
///
/// Made by ``RunLoader/prepare(folder:)``. The listings are de-duplicated by id (the first occurrence wins, as
/// in the collector's merge of pages); quote rows are generated from them in batches while loading, so a
/// 9000-coin run is never held twice in memory.
public struct PreparedRun: Sendable {
    /// The `runs` row.
    public var record: RunRecord
    /// The listings of `data.json`, one per coin.
    public var listings: [Listing]
    /// The coin metadata of `info.json`.
    public var infos: [CoinInfo]
    /// The logos in `Images/`.
    public var logos: [LogoFile]
    /// Problems found while reading (undecodable items, unreadable timestamps), one line each.
    public var diagnostics: [String]

    /// Creates a prepared run; `listings` are de-duplicated by id.
    ///
    /// - Parameters:
    ///   - record: The `runs` row.
    ///   - listings: The listings.
    ///   - infos: The metadata.
    ///   - logos: The logos.
    ///   - diagnostics: Problems found while reading.
    public init(
        record: RunRecord,
        listings: [Listing],
        infos: [CoinInfo] = [],
        logos: [LogoFile] = [],
        diagnostics: [String] = []
    ) {
        var seen = Set<Int>()
        self.record = record
        self.listings = listings.filter { seen.insert($0.id).inserted }
        self.infos = infos
        self.logos = logos
        self.diagnostics = diagnostics
    }

    /// When a listing was observed: its `last_updated`, else the run's snapshot time, else its start.
    func observedAt(_ listing: Listing) -> EpochMillis {
        listing.lastUpdated.flatMap(EpochMillis.init(iso8601:)) ?? record.snapshotAt ?? record.startedAt
    }

    /// The identity a listing shows.
    static func identity(of listing: Listing) -> CoinIdentity {
        CoinIdentity(
            symbol: listing.symbol,
            name: listing.name,
            slug: listing.slug,
            platformID: listing.platform?.id,
            tokenAddress: listing.platform?.tokenAddress
        )
    }

    /// The number of quote rows the run holds (coins × their convert currencies).
    var quoteCount: Int {
        listings.reduce(0) { $0 + $1.quote.count }
    }

    /// The quote rows, `size` at a time, in listing order and convert order within a listing.
    func quoteBatches(size: Int) -> QuoteBatches {
        QuoteBatches(run: self, size: max(1, size))
    }

    /// The quote rows of a run in batches, generated on demand.
    struct QuoteBatches: Sequence, IteratorProtocol {
        let run: PreparedRun
        let size: Int
        var listingIndex = 0

        mutating func next() -> [QuoteRecord]? {
            var batch: [QuoteRecord] = []
            batch.reserveCapacity(size)
            while batch.count < size, listingIndex < run.listings.count {
                let listing = run.listings[listingIndex]
                listingIndex += 1
                let observed = run.observedAt(listing)
                for convert in listing.quote.keys.sorted() {
                    guard let quote = listing.quote[convert] else { continue }
                    batch.append(
                        QuoteRecord(
                            coinID: listing.id,
                            convert: convert,
                            lastUpdated: quote.lastUpdated.flatMap(EpochMillis.init(iso8601:)) ?? observed,
                            doubles: [
                                quote.price, quote.volume24h, quote.volumeChange24h, quote.percentChange1h,
                                quote.percentChange24h, quote.percentChange7d, quote.percentChange30d,
                                quote.percentChange60d, quote.percentChange90d, quote.marketCap,
                                quote.marketCapDominance, quote.fullyDilutedMarketCap, quote.tvl,
                                quote.marketCapByTotalSupply, quote.volume24hReported, quote.volume7d,
                                quote.volume7dReported, quote.volume30d, quote.volume30dReported,
                                quote.mintedMarketCap, listing.circulatingSupply,
                                listing.totalSupply, listing.maxSupply, listing.selfReportedCirculatingSupply,
                                listing.selfReportedMarketCap, listing.tvlRatio,
                            ],
                            infiniteSupply: listing.infiniteSupply,
                            cmcRank: listing.cmcRank,
                            numMarketPairs: listing.numMarketPairs
                        )
                    )
                }
            }
            return batch.isEmpty ? nil : batch
        }
    }
}
