"""The site's edge: what stands between a request and the apps, and knows none of them.

pagecache.py keeps whole pages for anonymous readers, clients.py says who the client is behind
trusted proxies, jsonlog.py writes log lines as JSON. Apps may use it; it imports no app.
"""
