"""Attribution and verification: sources, people, quotes and claims, reusable across stories."""
