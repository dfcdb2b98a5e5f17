"""The benchmark's moderation rows (issue 14), written from the generated orders by SQL
(``INSERT ... SELECT``: a second or two for 10,000 orders).

- Every order that reached its seller (PLACED) gets its moderation, spread over the states
  by a hash of its id: 30% SUBMITTED, 20% ON_MODERATION, 20% AWAITING_BUYER, 30% CONFIRMED; a
  CANCELLED order a CANCELLED one. Submitted when placed; every 20th over its credit.
- Taken ones have a moderator: the bench staff for the manufacturer's orders, the bench
  dealer's admin for its sub-dealers', none for the other dealers' (nobody to name).
- Every line its units, all pending (140,000 rows).
- An order AWAITING_BUYER has a QUANTITY proposal on its first line, with its dialogue
  entry; every taken order a STATE entry.
"""

from __future__ import annotations

from django.db import connection

from backend.accounts.models import Membership, User

from .network import BENCH_USERS

TABLES = ("order_workflow_dialogueentry", "order_workflow_lineproposal",
          "order_workflow_lineunits", "order_workflow_ordermoderation")

# By a hash of the id: the generator lays each seller's orders out at regular ids.
STATE = """CASE WHEN o.status = 'CANCELLED' THEN 'CANCELLED'
  WHEN abs(hashint4(o.id::int)) %% 10 < 3 THEN 'SUBMITTED'
  WHEN abs(hashint4(o.id::int)) %% 10 < 5 THEN 'ON_MODERATION'
  WHEN abs(hashint4(o.id::int)) %% 10 < 7 THEN 'AWAITING_BUYER' ELSE 'CONFIRMED' END"""


def truncate_moderation() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY CASCADE")


def generate_moderation() -> dict[str, int]:
    truncate_moderation()
    staff = User.objects.get(email=BENCH_USERS[0][0]).pk
    dealer = Membership.objects.get(user__email=BENCH_USERS[1][0])
    with connection.cursor() as cursor:
        cursor.execute(f"""
            INSERT INTO order_workflow_ordermoderation (order_id, seller_id, state, version,
              moderator_id, auto_confirmed, over_credit, reason, submitted_at, started_at,
              confirmed_at, closed_at, updated_at)
            SELECT o.id, o.seller_id, s.state, 1 + (s.state <> 'SUBMITTED')::int,
              CASE WHEN s.state = 'SUBMITTED' THEN NULL WHEN seller.parent_id IS NULL
                   THEN %(staff)s WHEN o.seller_id = %(dealer)s THEN %(dealer_admin)s END,
              false, abs(hashint4(o.id::int + 7)) %% 20 = 0,
              CASE WHEN s.state = 'CANCELLED' THEN 'Передумали' ELSE '' END,
              o.placed_at, CASE WHEN s.state <> 'SUBMITTED' THEN o.placed_at END,
              CASE WHEN s.state = 'CONFIRMED' THEN o.placed_at END,
              CASE WHEN s.state = 'CANCELLED' THEN o.placed_at END, o.placed_at
            FROM orders_order o JOIN accounts_organization seller ON seller.id = o.seller_id
            CROSS JOIN LATERAL (SELECT {STATE} AS state) s
            WHERE o.status IN ('PLACED', 'CANCELLED')""",
                       {"staff": staff, "dealer": dealer.organization_id,
                        "dealer_admin": dealer.user_id})
        moderations = cursor.rowcount
        cursor.execute("""
            INSERT INTO order_workflow_lineunits (line_id, order_id, pending, in_production,
              ready, shipped, delivered, at_dealer, sold, cancelled)
            SELECT l.id, l.order_id, l.quantity, 0, 0, 0, 0, 0, 0, 0
            FROM orders_orderline l JOIN order_workflow_ordermoderation m
              ON m.order_id = l.order_id""")
        units = cursor.rowcount
        cursor.execute("""
            INSERT INTO order_workflow_lineproposal (order_id, line_id, kind, status,
              quantity, substitute_sku, substitute_name, comment, before, proposed_by_id,
              proposed_at, answer_comment)
            SELECT m.order_id, l.id, 'QUANTITY', 'OPEN', greatest(l.quantity - 1, 1), '', '',
              'Меньше в наличии', jsonb_build_object('quantity', l.quantity::text,
                'unit_net', l.unit_net::text, 'sku', l.sku),
              coalesce(m.moderator_id, %(staff)s), m.submitted_at, ''
            FROM order_workflow_ordermoderation m
            JOIN orders_orderline l ON l.order_id = m.order_id AND l.position = 1
            WHERE m.state = 'AWAITING_BUYER'""", {"staff": staff})
        proposals = cursor.rowcount
        cursor.execute("""
            INSERT INTO order_workflow_dialogueentry (order_id, kind, side, author_id, text,
              proposal_id, state, created_at)
            SELECT m.order_id, 'STATE', 'SELLER', coalesce(m.moderator_id, %(staff)s), '',
              NULL, m.state, m.submitted_at
            FROM order_workflow_ordermoderation m WHERE m.state <> 'SUBMITTED'
            UNION ALL
            SELECT p.order_id, 'PROPOSAL', 'SELLER', p.proposed_by_id, p.comment, p.id, '',
              p.proposed_at
            FROM order_workflow_lineproposal p""", {"staff": staff})
        dialogue = cursor.rowcount
        cursor.execute(f"ANALYZE {', '.join(TABLES)}")
    return {"moderations": moderations, "units": units, "proposals": proposals,
            "dialogue": dialogue}
