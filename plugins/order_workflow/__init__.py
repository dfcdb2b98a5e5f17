"""The order workflow: the seller's moderation with per-line proposals, per-unit line
statuses and dispatches, dealer forwarding (see README.md)."""
