"""The dealer network: sub-dealers created by their dealer, and partner applications.

Who sees which organization is decided by ``backend.accounts.visibility`` (a node sees its
own subtree and its direct supplier); this plugin adds the ways into the tree: a dealer's
admin creates sub-dealers under itself, and a new company applies through a public form
that staff approve or reject.
"""
