"""The price rules' root fields, joined to the API by ``backend.api.schema``.

(Branch pxlsx: only the workbook mutations; the lead merges ``ExcelMutations`` into the
app's ``Mutations`` beside the other price rules' fields.)"""

from .mutations.excel import ExcelMutations as Mutations

COSTS: dict = {}

__all__ = ["COSTS", "Mutations"]
