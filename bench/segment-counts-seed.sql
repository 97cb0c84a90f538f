-- Contacts and events of one workspace for bench/segment-counts.ts, all derived from generate_series
-- and a fixed hash, so every run stores the same rows: {{WS}} workspace id, {{P}} id prefix,
-- {{CONTACTS}} / {{EVENTS}} sizes, {{ANCHOR}} the "now" every time is measured back from.
-- bench_gen.u(n, salt) is a uniform number in [0, 1) for n (bench/segment-counts-gen.sql).
insert into contacts (id, workspace_id, external_id, email, phone, country, timezone, locale, attributes, created_at, updated_at, last_seen_at)
select bench_gen.contact_id('{{P}}', g), '{{WS}}',
  case when bench_gen.u(g, 1) < 0.95 then '{{P}}u' || g end,
  case when bench_gen.u(g, 2) < 0.9 then '{{P}}user' || g || '@example.com' end,
  case when bench_gen.u(g, 3) < 0.4 then '+1' || (2000000000 + g)::text end,
  (array['US','VN','IN','DE','FR','GB','BR','JP','ID','MX','CA','AU'])[k.ci],
  case when k.v < 0.08 then null when k.ci = 1 and k.v < 0.5 then 'America/Los_Angeles'
    else (array['America/New_York','Asia/Ho_Chi_Minh','Asia/Kolkata','Europe/Berlin','Europe/Paris','Europe/London','America/Sao_Paulo','Asia/Tokyo','Asia/Jakarta','America/Mexico_City','America/Toronto','Australia/Sydney'])[k.ci] end,
  case when k.v > 0.9 then 'en-US' else (array['en-US','vi-VN','en-IN','de-DE','fr-FR','en-GB','pt-BR','ja-JP','id-ID','es-MX','en-CA','en-AU'])[k.ci] end,
  jsonb_build_object(
    'tier', case when t < 0.03 then 'vip' when t < 0.12 then 'gold' when t < 0.30 then 'silver' else 'free' end,
    'plan', (array['starter','growth','scale'])[1 + (g % 3)],
    'newsletter', bench_gen.u(g, 5) < 0.6),
  bench_gen.signup(g), bench_gen.signup(g), {{ANCHOR}} - make_interval(hours => (g % 500)::int)
from generate_series(1, {{CONTACTS}}) g,
  lateral (select bench_gen.u(g, 4) as t) r,
  lateral (select bench_gen.country_idx(bench_gen.u(g, 6)) as ci, bench_gen.u(g, 7) as v) k;

-- Events are generated into a staging table first and stored ordered by time, as ingestion
-- appends them: a time window then reads a contiguous part of the table, as it would in production.
create unlogged table bench_gen.staged (n bigint, contact_id uuid, name text, properties jsonb, at timestamptz, message_id text);

-- One "Signed Up" per contact, at sign-up.
insert into bench_gen.staged
select g, bench_gen.contact_id('{{P}}', g), 'Signed Up', jsonb_build_object('source', (array['web','ios','android','referral'])[1 + g % 4]),
  bench_gen.signup(g), '{{P}}su' || g
from generate_series(1, {{CONTACTS}}) g;

-- The rest: page views, email opens and carts from a skewed set of active contacts (a few
-- heavy users, a long tail), each at a uniform time between the contact's sign-up and the anchor
-- (sign-ups lean recent, so the last 30 days hold about a sixth of the events).
insert into bench_gen.staged
select {{CONTACTS}} + n, bench_gen.contact_id('{{P}}', x.cg), x.name,
  case x.name
    when 'Page Viewed' then jsonb_build_object('path', '/p/' || (n % 400))
    when 'Email Opened' then jsonb_build_object('campaign', 'c' || (n % 60))
    else jsonb_build_object('product_id', 'sku' || (n % 5000), 'price', round((5 + 195 * bench_gen.u(n, 13))::numeric, 2))
  end,
  x.at, '{{P}}e' || n
from generate_series(1, ({{EVENTS}} - {{CONTACTS}}) * 25 / 27) n,
  lateral (select 1 + floor({{CONTACTS}} * bench_gen.u(n, 11) ^ 2)::int as cg, bench_gen.u(n, 12) as k) p,
  lateral (select p.cg,
    case when p.k < 0.64 then 'Page Viewed' when p.k < 0.84 then 'Email Opened' else 'Added to Cart' end as name,
    {{ANCHOR}} - ({{ANCHOR}} - bench_gen.signup(p.cg)) * bench_gen.u(n, 14) as at) x;

-- Half the carts become an order, most within three hours, some later. Amounts are skewed:
-- most orders are small, about 44 % are over 100.
insert into bench_gen.staged
select 20000000 + s.n, s.contact_id, 'Order Completed',
  jsonb_build_object('order_id', 'o' || s.n, 'currency', 'USD', 'amount', round((8 + 292 * bench_gen.u(s.n, 21) ^ 2)::numeric, 2)),
  o.at, '{{P}}o' || s.n
from bench_gen.staged s, lateral (select s.at + make_interval(mins => (5 + 295 * bench_gen.u(s.n, 22) ^ 3)::int) as at) o
where s.name = 'Added to Cart' and bench_gen.u(s.n, 23) < 0.5 and o.at <= {{ANCHOR}};

insert into events (workspace_id, contact_id, name, properties, occurred_at, received_at, message_id)
select '{{WS}}', contact_id, name, properties, at, at, message_id from bench_gen.staged order by at, n;

drop table bench_gen.staged;

-- A push token for a quarter of the contacts (most VIPs); explicit opt-outs for 6 %, opt-ins for 14 %.
insert into push_tokens (workspace_id, token, platform, contact_id, created_at, last_seen_at)
select '{{WS}}', '{{P}}tok' || g, (array['ios','android','web'])[1 + floor(3 * bench_gen.u(g, 32))::int]::push_platform, bench_gen.contact_id('{{P}}', g), bench_gen.signup(g), bench_gen.signup(g)
from generate_series(1, {{CONTACTS}}) g
where bench_gen.u(g, 31) < case when bench_gen.u(g, 4) < 0.03 then 0.6 else 0.25 end;

insert into channel_subscriptions (workspace_id, contact_id, channel, status, source, changed_at)
select '{{WS}}', bench_gen.contact_id('{{P}}', g),
  case when bench_gen.u(g, 33) >= 0.06 then 'email' when bench_gen.u(g, 34) < 0.6 then 'email' when bench_gen.u(g, 34) < 0.85 then 'all' else 'sms' end::subscription_channel,
  case when bench_gen.u(g, 33) < 0.06 then 'unsubscribed' else 'subscribed' end::subscription_status, 'api', bench_gen.signup(g)
from generate_series(1, {{CONTACTS}}) g
where bench_gen.u(g, 33) < 0.2;
