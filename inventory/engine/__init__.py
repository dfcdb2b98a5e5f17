"""Pure engines of the inventory: where an order's units come from (allocation) and what
each shipment costs and when it arrives (delivery quotes). Frozen dataclasses in and out;
no Django, no project import, no clock (``today`` is an input)."""
