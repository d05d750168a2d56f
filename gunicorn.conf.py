"""gunicorn settings, read when gunicorn is started from this folder (or with -c).

The request line may be up to 8,190 bytes (gunicorn's largest bounded setting; its default
is 4,094): a query of 1,000 Cyrillic or Armenian characters takes 6,000 bytes once
percent-encoded, and must reach the API to get its answer. Longer request lines and
oversized headers are refused by gunicorn itself, before the app, with a plain-text 400 or 414.
"""

limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190
