# Where the application is, and who may purge. newsroom.vcl includes this file by name, so a
# backend.vcl placed earlier in varnishd's vcl_path replaces this one: `make varnish` writes its
# own, and a server keeps one in /etc/varnish (see README: A frontend cache on Varnish).
vcl 4.1;

backend default {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    # /healthz answers 503 when the database is down: the backend then counts as sick and
    # readers get the last good copy of every page (grace) instead of error pages.
    .probe = {
        .request = "GET /healthz HTTP/1.1" "Host: 127.0.0.1" "Connection: close";
        .interval = 2s;
        .timeout = 1s;
        .window = 3;
        .threshold = 2;
    }
}

# Addresses allowed to send `PURGE` with `xkey-purge` (the application's hosts).
acl purgers {
    "127.0.0.1";
    "::1";
}
