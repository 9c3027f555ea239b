# The newsroom's frontend cache (Varnish 7, vmod xkey from Debian's varnish-modules).
#
# What the application promises (README: "A frontend cache: Varnish, or a CDN"): an answer
# that is the same for every anonymous reader carries `Surrogate-Control: max-age=N` and
# `xkey: <content keys>`; browsers get `Cache-Control: no-cache` and an ETag, so they
# revalidate while Varnish keeps its copy for N seconds. After each committed change the
# application sends `PURGE /` with `xkey-purge: <keys>` and every copy showing one of those
# keys goes at once. An answer made for one person says `Cache-Control: private` (or sets a
# cookie) and is never kept. The backend and the purgers' ACL live in backend.vcl.
vcl 4.1;

import std;
import xkey;

include "backend.vcl";

sub vcl_recv {
    # Our own marks, never taken from a client: X-Newsroom-Stale is set by vcl_synth for the
    # retry after a failed fetch, X-Purged by a purge below.
    if (req.restarts == 0) {
        unset req.http.X-Newsroom-Stale;
        unset req.http.X-Purged;
    }

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Purging is not allowed from this address"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "PURGE needs an xkey-purge header"));
        }
        # A hard purge: a purged copy is wrong (a withdrawn story must not come back in grace).
        set req.http.X-Purged = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.X-Purged));
    }
    if (req.method !~ "^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)$") {
        return (synth(405, "Method not allowed"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }

    # Never cached: the admin, previews, the comment form and its tokens, the health probe.
    if (req.url ~ "^/(admin|preview)/"
        || req.url ~ "^/articles/[^/?]+/comments/"
        || req.url ~ "^/comments/token/"
        || req.url ~ "^/healthz") {
        return (pass);
    }
    # A person (staff, a signed-in user), a form's CSRF cookie or a flash message for one reader.
    if (req.http.Authorization
        || req.http.Cookie ~ "(^|;\s*)(sessionid|csrftoken|messages)=") {
        return (pass);
    }
    # Any other cookie (analytics and the like) changes nothing the application renders.
    unset req.http.Cookie;

    # While the application answers its probe, a copy past its TTL is not served: its TTL
    # ended because the page changes at that moment by the clock (a scheduled story goes
    # live; the application cuts max-age to it), or after FRONTEND_CACHE_SECONDS. One fetch
    # replaces it and the other readers wait for that fetch. When the application does not
    # answer (application or database down), or on the retry after a failed fetch, the
    # object's whole grace applies.
    if (req.http.X-Newsroom-Stale) {
        set req.grace = 24h;  # req.grace outlives a restart: widen it again
    } else if (std.healthy(req.backend_hint)) {
        set req.grace = 0s;
    }
    return (hash);
}

sub vcl_hash {
    # http and https answers differ (redirects, absolute links): keep them apart.
    hash_data(req.http.X-Forwarded-Proto);
}

sub vcl_backend_response {
    if (bereq.uncacheable) {
        return (deliver);
    }
    if (beresp.status >= 500) {
        # A background revalidation that fails must not replace the good copy. A foreground
        # fetch that fails is retried once from the stale copy, if there is one (vcl_synth).
        if (bereq.is_bgfetch || !bereq.http.X-Newsroom-Stale) {
            return (abandon);
        }
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
        return (deliver);
    }
    if (beresp.http.Set-Cookie
        || beresp.http.Cache-Control ~ "(?i)(private|no-store)"
        || beresp.http.Vary == "*") {
        # Made for one person: pass, and remember that for a while (hit-for-miss).
        set beresp.uncacheable = true;
        set beresp.ttl = 60s;
        return (deliver);
    }
    if (beresp.http.Surrogate-Control ~ "(?i)max-age=[0-9]+") {
        set beresp.ttl = std.duration(
            regsub(beresp.http.Surrogate-Control, "(?i)^.*max-age=([0-9]+).*$", "\1s"), 0s);
    } else if (!(beresp.http.Cache-Control ~ "(?i)public"
                 && beresp.http.Cache-Control ~ "(?i)max-age=[1-9]"
                 && beresp.http.Cache-Control !~ "(?i)no-cache")) {
        # Neither a page the application declared nor a public file (static files, public
        # pictures, which keep Varnish's reading of their max-age): not kept.
        set beresp.uncacheable = true;
        set beresp.ttl = 60s;
        return (deliver);
    }
    # The last good copy is served for a day while the application or database is down.
    set beresp.grace = 24h;
    return (deliver);
}

sub vcl_backend_error {
    if (bereq.is_bgfetch || (!bereq.uncacheable && !bereq.http.X-Newsroom-Stale)) {
        return (abandon);
    }
}

sub vcl_synth {
    # A foreground fetch failed (abandoned above): try once more, allowing any stale copy.
    if (resp.status == 503 && req.restarts == 0 && (req.method == "GET" || req.method == "HEAD")
        && !req.http.X-Purged) {
        set req.http.X-Newsroom-Stale = "1";
        return (restart);
    }
    if (req.http.X-Purged) {
        set resp.http.xkey-purged = req.http.X-Purged;
    }
    set resp.http.Content-Type = "text/plain; charset=utf-8";
    set resp.body = resp.reason + {"
"};
    return (deliver);
}

sub vcl_deliver {
    # The content keys and the surrogate lifetime are for this cache only.
    unset resp.http.xkey;
    unset resp.http.Surrogate-Control;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
