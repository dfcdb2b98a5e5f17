"""Account services, one module per entity: organizations, members (memberships,
invitations, custom roles), sessions (signing in)."""
