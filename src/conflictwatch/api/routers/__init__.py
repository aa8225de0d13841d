"""One router per resource: events, articles, stats, health."""
