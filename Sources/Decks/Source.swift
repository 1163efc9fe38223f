/// A text that cards cite: a book, an article, a review, a discussion.
public struct Source: Sendable, Hashable {
    /// The slug cards use in their `source` field.
    public var id: String
    /// The title of the text.
    public var title: String
    /// Who wrote it, when known.
    public var author: String?
    /// Where it was published (a site or a publisher), when known.
    public var site: String?
    /// When it was published, as written in the deck (for example "2007-11-13").
    public var date: String?
    /// Where it can be found.
    public var url: String?

    /// Creates a source from its parts.
    public init(
        id: String, title: String, author: String? = nil, site: String? = nil,
        date: String? = nil, url: String? = nil
    ) {
        self.id = id
        self.title = title
        self.author = author
        self.site = site
        self.date = date
        self.url = url
    }
}
