from django.apps import AppConfig


class BenchConfig(AppConfig):
    """The benchmark (no models): the `bench` command and what it builds and times with."""

    name = "bench"
