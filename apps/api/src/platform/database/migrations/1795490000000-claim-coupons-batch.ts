import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `claim_coupons`: the claims that reached one API instance together, in one statement and one transaction. In a
 * claim rush every claim is a round trip to PostgreSQL and a wait on the template's stock row; taken together they
 * share both. Each claim still counts against the member's limit and writes its coupon, and the stock is taken last,
 * once per template for all of its claims, so the locks are taken in the same order as `claim_coupon` (the member's
 * count, then the stock) and, with the claims sorted by template and member, in the same order by every batch.
 *
 * Answers one row per claim, in the order given: the coupon, or the refusal (`limit`, `stock`, `duplicate` for an
 * idempotency key or code already used, `closed` for a member who left). Which claims of a batch get the last coupons
 * follows that sort order. Claims beyond the stock left are undone (coupon deleted, count given back)
 * before the transaction ends, so nothing is ever oversold and nobody goes over their limit.
 */
export class ClaimCouponsBatch1795490000000 implements MigrationInterface {
  name = 'ClaimCouponsBatch1795490000000';

  async up(q: QueryRunner): Promise<void> {
    // Gives back one claim of the member's count (the row goes when it reaches zero: counts are positive).
    await q.query(`CREATE FUNCTION claim_coupons_uncount(p_template uuid, p_member uuid) RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        DELETE FROM coupon_claim_count WHERE template_id = p_template AND member_id = p_member AND claimed = 1;
        IF NOT FOUND THEN
          UPDATE coupon_claim_count SET claimed = claimed - 1 WHERE template_id = p_template AND member_id = p_member;
        END IF;
      END
      $fn$`);
    await q.query(`CREATE FUNCTION claim_coupons(p_templates uuid[], p_members uuid[], p_limits int[], p_codes varchar[], p_keys varchar[], p_from timestamptz[], p_until timestamptz[])
      RETURNS TABLE (i int, coupon_id uuid, coupon_created_at timestamptz, refusal text) LANGUAGE plpgsql AS $fn$
      DECLARE
        n int := coalesce(array_length(p_members, 1), 0);
        ids uuid[] := array_fill(NULL::uuid, ARRAY[n]);
        made timestamptz[] := array_fill(NULL::timestamptz, ARRAY[n]);
        why text[] := array_fill(NULL::text, ARRAY[n]);
        k int;
        t uuid;
        v_id uuid;
        v_created timestamptz;
        wanted int;
        granted int;
      BEGIN
        -- As in claim_coupon: a crash may forget the last moment of claims, but count, coupon and stock together.
        PERFORM set_config('synchronous_commit', 'off', true);
        FOR k IN 1 .. n LOOP
          IF NOT EXISTS (SELECT 1 FROM member WHERE id = p_members[k] AND deleted_at IS NULL) THEN
            why[k] := 'closed';
            CONTINUE;
          END IF;
          INSERT INTO coupon_claim_count (template_id, member_id, claimed) VALUES (p_templates[k], p_members[k], 1)
          ON CONFLICT (template_id, member_id) DO UPDATE SET claimed = coupon_claim_count.claimed + 1
           WHERE coupon_claim_count.claimed < p_limits[k];
          IF NOT FOUND THEN
            why[k] := 'limit';
            CONTINUE;
          END IF;
          INSERT INTO member_coupon (template_id, member_id, code, source, issue_key, valid_from, valid_until)
          VALUES (p_templates[k], p_members[k], p_codes[k], 'claim', p_keys[k], p_from[k], p_until[k])
          ON CONFLICT DO NOTHING
          RETURNING id, created_at INTO v_id, v_created;
          IF v_id IS NULL THEN
            PERFORM claim_coupons_uncount(p_templates[k], p_members[k]);
            why[k] := 'duplicate';
          ELSE
            ids[k] := v_id;
            made[k] := v_created;
          END IF;
        END LOOP;
        -- The stock last, once per template (in order), for every claim of it still standing; those beyond it are undone.
        FOR t IN SELECT DISTINCT x FROM unnest(p_templates) AS x ORDER BY x LOOP
          SELECT count(*) INTO wanted FROM generate_subscripts(p_members, 1) AS s WHERE p_templates[s] = t AND ids[s] IS NOT NULL;
          CONTINUE WHEN wanted = 0;
          WITH cur AS (SELECT id, remaining FROM coupon_template WHERE id = t AND status = 'active' AND claimable AND remaining > 0
                          AND per_member_limit = ALL (SELECT p_limits[s] FROM generate_subscripts(p_members, 1) AS s WHERE p_templates[s] = t)
                        FOR NO KEY UPDATE)
          UPDATE coupon_template c SET remaining = cur.remaining - LEAST(cur.remaining, wanted) FROM cur WHERE c.id = cur.id
          RETURNING LEAST(cur.remaining, wanted) INTO granted;
          granted := coalesce(granted, 0);
          FOR k IN 1 .. n LOOP
            CONTINUE WHEN p_templates[k] <> t OR ids[k] IS NULL;
            IF granted > 0 THEN
              granted := granted - 1;
            ELSE
              DELETE FROM member_coupon WHERE id = ids[k];
              PERFORM claim_coupons_uncount(t, p_members[k]);
              ids[k] := NULL;
              made[k] := NULL;
              why[k] := 'stock';
            END IF;
          END LOOP;
        END LOOP;
        -- A claim refused for the limit only because a claim of the same member earlier in this batch held it, and that
        -- claim then found no stock, was refused for the stock too (the member has nothing).
        FOR k IN 1 .. n LOOP
          IF why[k] = 'limit' AND NOT EXISTS (SELECT 1 FROM coupon_claim_count
                                               WHERE template_id = p_templates[k] AND member_id = p_members[k] AND claimed >= p_limits[k]) THEN
            why[k] := 'stock';
          END IF;
        END LOOP;
        FOR k IN 1 .. n LOOP
          i := k;
          coupon_id := ids[k];
          coupon_created_at := made[k];
          refusal := why[k];
          RETURN NEXT;
        END LOOP;
      END
      $fn$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION claim_coupons(uuid[], uuid[], int[], varchar[], varchar[], timestamptz[], timestamptz[])`);
    await q.query(`DROP FUNCTION claim_coupons_uncount(uuid, uuid)`);
  }
}
