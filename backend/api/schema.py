"""The GraphQL schema, assembled from every app's and plugin's schema module."""

import graphene

schema = None
