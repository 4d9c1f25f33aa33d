import ArchiveCore
import ArchivePages
import Hummingbird

/// The one request context of the web app: Hummingbird's core storage, the visitor the
/// security middleware recognised (session, CSRF token, account, and the archive as that
/// account may see it), and a decoder for HTML forms (`application/x-www-form-urlencoded`).
public struct WebRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by `SecurityMiddleware` before any controller runs; nil only on paths that need no
    /// session (the stylesheet).
    public var visitor: Visitor?

    /// A context for a new request.
    public init(source: Source) {
        coreContext = .init(source: source)
        visitor = nil
    }

    /// The largest body read, set per path by `SecurityMiddleware` (`AccessPolicy.uploadLimit`):
    /// forms are text, and 1 MiB holds the longest minutes many times; a cell's XML file sent
    /// to the office's inbox may be larger.
    public var uploadLimit = AccessPolicy.formLimit

    public var maxUploadSize: Int { uploadLimit }

    /// Bodies are HTML forms.
    public var requestDecoder: URLEncodedFormDecoder { URLEncodedFormDecoder() }

    /// The logged-in visitor's view of the archive; a controller reached without one is a
    /// fault of the access table, refused rather than served.
    ///
    /// - throws: `WebError.loginRequired` when no one is logged in.
    func scope() throws -> ArchiveScope {
        guard let scope = visitor?.scope else { throw WebError.loginRequired }
        return scope
    }

    /// The bar every page after login shows: who is logged in, and the session's CSRF token
    /// for its forms. - throws: `WebError.loginRequired` when no one is logged in.
    func bar() throws -> WebAccountBar {
        guard let visitor, let account = visitor.account else { throw WebError.loginRequired }
        return WebAccountBar(account: account, csrfToken: visitor.csrfToken)
    }
}

/// Who is asking: their session and, once logged in, their account and scope.
public struct Visitor: Sendable {
    /// The session's random identifier (the cookie's value).
    public var sessionID: String
    /// The token every form of this session carries as `csrf_token`.
    public var csrfToken: String
    /// The logged-in account, or nil before login.
    public var account: Account?
    /// The archive as the account may see it, or nil before login.
    public var scope: ArchiveScope?
}
