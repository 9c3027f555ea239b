# Written by deploy/varnish/backend-vcl.sh: where the application is, and who may purge.
vcl 4.1;

backend default {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    # /healthz answers 503 when the database is down: the backend then counts as sick and
    # readers get the last good copy of every page (grace). X-Forwarded-Proto: the probe
    # stands for the TLS proxy, so a production app answers instead of redirecting to https.
    .probe = {
        .request = "GET /healthz HTTP/1.1"
                   "Host: 127.0.0.1"
                   "X-Forwarded-Proto: https"
                   "Connection: close";
        .interval = 2s;
        .timeout = 1s;
        .window = 3;
        .threshold = 2;
    }
}

# Addresses allowed to send PURGE with xkey-purge (the application's hosts).
acl purgers {
    "127.0.0.1";
    "::1";
}
