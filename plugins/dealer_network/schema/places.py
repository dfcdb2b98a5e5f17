"""Countries and regions for the forms (``backend/accounts/regions.py``), public."""

from __future__ import annotations

import graphene

from backend.accounts.regions import COUNTRIES, Place, regions_of
from backend.core.graphql.cost import FieldCost


class RegionType(graphene.ObjectType):
    code = graphene.String(required=True, description="The tax service's region code.")
    name = graphene.String(required=True, description="The official Russian name: what "
                                                      "an organization's region holds.")
    name_en = graphene.String(required=True)

    class Meta:
        name = "Region"


class CountryType(graphene.ObjectType):
    code = graphene.String(required=True, description="ISO 3166-1 alpha-2.")
    name = graphene.String(required=True, description="In Russian.")
    name_en = graphene.String(required=True)
    regions = graphene.List(graphene.NonNull(RegionType), required=True, description=(
        "The regions to choose from (Russia's 89 subjects); empty where the region is "
        "free text."))

    class Meta:
        name = "Country"

    @staticmethod
    def resolve_regions(root: Place, info):
        return regions_of(root.code)


class PlaceQueries(graphene.ObjectType):
    countries = graphene.List(
        graphene.NonNull(CountryType), required=True,
        description="The countries a partner application offers (the Eurasian Economic "
                    "Union, then the CIS); any other ISO code is accepted as another "
                    "country. No sign-in needed.")

    @staticmethod
    def resolve_countries(root, info):
        return COUNTRIES


# The lists are constants: no query at all.
PLACE_COSTS = {"Query.countries": FieldCost()}
