/// A fiat currency or precious metal that `convert`, `convert_id` and `/v1/fiat/map` know.
struct Fiat: Sendable {
    let id: Int
    let symbol: String
    let name: String
    let sign: String
    /// Units of this currency per US dollar (a fixed base; the market drift moves it slightly).
    let perUSD: Double
    let isMetal: Bool
}

/// CMC's 93 fiat currencies and 4 metals with their CMC ids (USD 2781, EUR 2790, XAU 3575 …).
enum FiatCatalog {
    static let usdID = 2781

    static let all: [Fiat] = fiats + metals

    static let fiats: [Fiat] = [
        fiat(2781, "USD", "United States Dollar", "$", 1),
        fiat(2782, "AUD", "Australian Dollar", "$", 1.52),
        fiat(2783, "BRL", "Brazilian Real", "R$", 5.4),
        fiat(2784, "CAD", "Canadian Dollar", "$", 1.36),
        fiat(2785, "CHF", "Swiss Franc", "Fr", 0.88),
        fiat(2786, "CLP", "Chilean Peso", "$", 930),
        fiat(2787, "CNY", "Chinese Yuan", "¥", 7.25),
        fiat(2788, "CZK", "Czech Koruna", "Kč", 23.2),
        fiat(2789, "DKK", "Danish Krone", "kr", 6.88),
        fiat(2790, "EUR", "Euro", "€", 0.92),
        fiat(2791, "GBP", "Pound Sterling", "£", 0.79),
        fiat(2792, "HKD", "Hong Kong Dollar", "$", 7.81),
        fiat(2793, "HUF", "Hungarian Forint", "Ft", 360),
        fiat(2794, "IDR", "Indonesian Rupiah", "Rp", 16_000),
        fiat(2795, "ILS", "Israeli New Shekel", "₪", 3.7),
        fiat(2796, "INR", "Indian Rupee", "₹", 83.3),
        fiat(2797, "JPY", "Japanese Yen", "¥", 151),
        fiat(2798, "KRW", "South Korean Won", "₩", 1370),
        fiat(2799, "MXN", "Mexican Peso", "$", 17.1),
        fiat(2800, "MYR", "Malaysian Ringgit", "RM", 4.7),
        fiat(2801, "NOK", "Norwegian Krone", "kr", 10.8),
        fiat(2802, "NZD", "New Zealand Dollar", "$", 1.66),
        fiat(2803, "PHP", "Philippine Peso", "₱", 57),
        fiat(2804, "PKR", "Pakistani Rupee", "₨", 278),
        fiat(2805, "PLN", "Polish Złoty", "zł", 3.95),
        fiat(2806, "RUB", "Russian Ruble", "₽", 92),
        fiat(2807, "SEK", "Swedish Krona", "kr", 10.6),
        fiat(2808, "SGD", "Singapore Dollar", "S$", 1.35),
        fiat(2809, "THB", "Thai Baht", "฿", 36.5),
        fiat(2810, "TRY", "Turkish Lira", "₺", 32),
        fiat(2811, "TWD", "New Taiwan Dollar", "NT$", 32.2),
        fiat(2812, "ZAR", "South African Rand", "R", 18.6),
        fiat(2813, "AED", "United Arab Emirates Dirham", "د.إ", 3.6725),
        fiat(2814, "BGN", "Bulgarian Lev", "лв", 1.8),
        fiat(2815, "HRK", "Croatian Kuna", "kn", 6.9),
        fiat(2816, "MUR", "Mauritian Rupee", "₨", 46),
        fiat(2817, "RON", "Romanian Leu", "lei", 4.6),
        fiat(2818, "ISK", "Icelandic Króna", "kr", 139),
        fiat(2819, "NGN", "Nigerian Naira", "₦", 1450),
        fiat(2820, "COP", "Colombian Peso", "$", 3900),
        fiat(2821, "ARS", "Argentine Peso", "$", 870),
        fiat(2822, "PEN", "Peruvian Sol", "S/.", 3.75),
        fiat(2823, "VND", "Vietnamese Dong", "₫", 25_000),
        fiat(2824, "UAH", "Ukrainian Hryvnia", "₴", 39.5),
        fiat(2832, "BOB", "Bolivian Boliviano", "Bs.", 6.91),
        fiat(3526, "ALL", "Albanian Lek", "L", 94),
        fiat(3527, "AMD", "Armenian Dram", "֏", 390),
        fiat(3528, "AZN", "Azerbaijani Manat", "₼", 1.7),
        fiat(3529, "BAM", "Bosnia-Herzegovina Convertible Mark", "KM", 1.8),
        fiat(3530, "BDT", "Bangladeshi Taka", "৳", 110),
        fiat(3531, "BHD", "Bahraini Dinar", ".د.ب", 0.376),
        fiat(3532, "BMD", "Bermudan Dollar", "$", 1),
        fiat(3533, "BYN", "Belarusian Ruble", "Br", 3.27),
        fiat(3534, "CRC", "Costa Rican Colón", "₡", 505),
        fiat(3535, "CUP", "Cuban Peso", "$", 24),
        fiat(3536, "DOP", "Dominican Peso", "$", 59),
        fiat(3537, "DZD", "Algerian Dinar", "د.ج", 134),
        fiat(3538, "EGP", "Egyptian Pound", "£", 47),
        fiat(3539, "GEL", "Georgian Lari", "₾", 2.68),
        fiat(3540, "GHS", "Ghanaian Cedi", "₵", 13.5),
        fiat(3541, "GTQ", "Guatemalan Quetzal", "Q", 7.77),
        fiat(3542, "HNL", "Honduran Lempira", "L", 24.7),
        fiat(3543, "IQD", "Iraqi Dinar", "ع.د", 1310),
        fiat(3544, "IRR", "Iranian Rial", "﷼", 42_000),
        fiat(3545, "JMD", "Jamaican Dollar", "$", 155),
        fiat(3546, "JOD", "Jordanian Dinar", "د.ا", 0.709),
        fiat(3547, "KES", "Kenyan Shilling", "Sh", 131),
        fiat(3548, "KGS", "Kyrgystani Som", "с", 89),
        fiat(3549, "KHR", "Cambodian Riel", "៛", 4070),
        fiat(3550, "KWD", "Kuwaiti Dinar", "د.ك", 0.307),
        fiat(3551, "KZT", "Kazakhstani Tenge", "₸", 445),
        fiat(3552, "LBP", "Lebanese Pound", "ل.ل", 89_500),
        fiat(3553, "LKR", "Sri Lankan Rupee", "Rs", 300),
        fiat(3554, "MAD", "Moroccan Dirham", "د.م.", 10.1),
        fiat(3555, "MDL", "Moldovan Leu", "L", 17.7),
        fiat(3556, "MKD", "Macedonian Denar", "ден", 56.7),
        fiat(3557, "MMK", "Myanma Kyat", "Ks", 2100),
        fiat(3558, "MNT", "Mongolian Tugrik", "₮", 3400),
        fiat(3559, "NAD", "Namibian Dollar", "$", 18.6),
        fiat(3560, "NIO", "Nicaraguan Córdoba", "C$", 36.8),
        fiat(3561, "NPR", "Nepalese Rupee", "₨", 133),
        fiat(3562, "OMR", "Omani Rial", "ر.ع.", 0.385),
        fiat(3563, "PAB", "Panamanian Balboa", "B/.", 1),
        fiat(3564, "QAR", "Qatari Rial", "ر.ق", 3.64),
        fiat(3565, "RSD", "Serbian Dinar", "дин.", 108),
        fiat(3566, "SAR", "Saudi Riyal", "ر.س", 3.75),
        fiat(3567, "SSP", "South Sudanese Pound", "£", 1300),
        fiat(3568, "TND", "Tunisian Dinar", "د.ت", 3.12),
        fiat(3569, "TTD", "Trinidad and Tobago Dollar", "$", 6.78),
        fiat(3570, "UGX", "Ugandan Shilling", "Sh", 3800),
        fiat(3571, "UYU", "Uruguayan Peso", "$", 38.5),
        fiat(3572, "UZS", "Uzbekistan Som", "so'm", 12_600),
        fiat(3573, "VES", "Venezuelan Bolívar Soberano", "Bs.", 36.5),
    ]

    static let metals: [Fiat] = [
        Fiat(id: 3575, symbol: "XAU", name: "Gold Troy Ounce", sign: "", perUSD: 1.0 / 2350, isMetal: true),
        Fiat(id: 3574, symbol: "XAG", name: "Silver Troy Ounce", sign: "", perUSD: 1.0 / 28, isMetal: true),
        Fiat(id: 3577, symbol: "XPT", name: "Platinum Ounce", sign: "", perUSD: 1.0 / 960, isMetal: true),
        Fiat(id: 3576, symbol: "XPD", name: "Palladium Ounce", sign: "", perUSD: 1.0 / 1000, isMetal: true),
    ]

    static let byID: [Int: Fiat] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })
    static let bySymbol: [String: Fiat] = Dictionary(uniqueKeysWithValues: all.map { ($0.symbol, $0) })

    private static func fiat(_ id: Int, _ symbol: String, _ name: String, _ sign: String, _ perUSD: Double) -> Fiat {
        Fiat(id: id, symbol: symbol, name: name, sign: sign, perUSD: perUSD, isMetal: false)
    }
}
