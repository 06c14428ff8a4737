import Foundation

/// The neutral logo shown for a coin without a stored logo: a 64×64 grey disc (478 bytes of PNG).
enum PlaceholderLogo {
    static let png: Data = Data(base64Encoded: base64, options: .ignoreUnknownCharacters) ?? Data()

    private static let base64 = """
        iVBORw0KGgoAAAANSUhEUgAAAEAAAABACAYAAACqaXHeAAABpUlEQVR42u2bMXKEIBSGvYFtSs7DNbyCrdfwCrS2lrR0KVKlNbNF
        akrHsDMvTYY1PGEVlr/4G8dd+T/Ah/Be8/7x2dSsBgCe/5DWSToNTsrJOC1O1mklWbpm6J6BftOWCkA49U7aaYuUpv8SJQC499qU
        wPQjTfSM7ADIRL3NGRUyBwCC5ux2kVTs1Igx39HLa7tYltpyKoAxA+N/NZ4B4B6W5gzN/2rmhk6O+TeK04cb+HX7DlIkBENtTQqg
        PWo+1HRiGCZ0JIQCmM82ngDEnArAeKXxSBBjLIAuJ/MHIXRHAYjQOH+W8YMg7N5iaQ+Aytk8E4LiApAlmGdCkBwA+gUB6FAARfV+
        7CjwAZhKM8+AMP0HQJTY+8xRIPYA9KWaZ0Do9wDoCgDoRwDa0s0zILQ+ALIiANIHYKgIwOADoF7BfCAE5QNgKgJgfACWigAsPgC2
        IgDWB2CtCMAKAJgCeAkiDGIhhKUwPobwOYwNEWyJYVMU2+I4GMHRGA5HcTyOBAmkyCBJCmlySJREqiySpZEuj4IJlMygaAplcyic
        ROksiqfr0Q8jFlUJhf7VNwAAAABJRU5ErkJggg==
        """
}
