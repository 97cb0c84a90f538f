-- Deterministic generators for bench/segment-counts-seed.sql, in their own schema (dropped after
-- seeding). Plain SQL expressions, so PostgreSQL inlines them.
create schema bench_gen;
create function bench_gen.u(n bigint, salt int) returns float8 language sql immutable parallel safe
  as $$ select (hashint8(n * 1000 + salt) & 2147483647)::float8 / 2147483648.0 $$;
create function bench_gen.contact_id(prefix text, g int) returns uuid language sql immutable parallel safe
  as $$ select md5(prefix || g)::uuid $$;
-- Sign-ups over the two years before the anchor, more of them recently.
create function bench_gen.signup(g int) returns timestamptz language sql immutable parallel safe
  as $$ select {{ANCHOR}} - make_interval(secs => 730 * 86400 * bench_gen.u(g, 8) ^ 1.3) $$;
-- US 30 %, VN 10, IN 10, DE 8, FR 7, GB 7, BR 8, JP 5, ID 5, MX 4, CA 3, AU 3.
create function bench_gen.country_idx(x float8) returns int language sql immutable parallel safe
  as $$ select case when x < 0.30 then 1 when x < 0.40 then 2 when x < 0.50 then 3 when x < 0.58 then 4 when x < 0.65 then 5 when x < 0.72 then 6
    when x < 0.80 then 7 when x < 0.85 then 8 when x < 0.90 then 9 when x < 0.94 then 10 when x < 0.97 then 11 else 12 end $$;
