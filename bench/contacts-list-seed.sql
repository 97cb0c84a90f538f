insert into workspaces (id, slug, name, timezone) values ('00000000-0000-0000-0000-00000000000a', 'big', 'Big', 'UTC'), ('00000000-0000-0000-0000-00000000000b', 'other', 'Other', 'UTC');
insert into contacts (workspace_id, external_id, email, phone, country, attributes, created_at, last_seen_at)
select '00000000-0000-0000-0000-00000000000a', case when g % 20 = 0 then null else 'u' || md5(g::text) end,
  case when g % 3 <> 0 then 'p' || g || '.' || substr(md5(g::text), 1, 6) || '@example.com' end,
  case when g % 4 = 0 then '+1' || (2000000000 + g)::text end,
  (array['US','FR','DE','GB'])[1 + g % 4],
  jsonb_build_object('plan', (array['free','pro','team','enterprise'])[1 + (g % 97) % 4], 'seats', g % 50, 'beta', g % 11 = 0, 'tags', case when g % 13 = 0 then '["vip"]'::jsonb else '["std"]'::jsonb end, 'company', 'c' || (g % 5000)),
  timestamp '2024-01-01' + (g || ' seconds')::interval * 60, now() - (g % 1000 || ' hours')::interval
from generate_series(1, 1000000) g;
insert into contacts (workspace_id, external_id, email, attributes, created_at)
select '00000000-0000-0000-0000-00000000000b', 'u' || md5(g::text), 'p' || g || '@example.com', jsonb_build_object('plan', 'pro'), timestamp '2024-01-01' + (g || ' seconds')::interval * 60 from generate_series(1, 100000) g;
insert into channel_subscriptions (workspace_id, contact_id, channel, status, source)
select workspace_id, id, (array['email','sms','all'])[1 + abs(hashtext(id::text)) % 3]::subscription_channel, 'unsubscribed', 'api' from contacts where workspace_id = '00000000-0000-0000-0000-00000000000a' and abs(hashtext(id::text)) % 50 = 0;
insert into channel_subscriptions (workspace_id, contact_id, channel, status, source)
select workspace_id, id, 'email', 'subscribed', 'api' from contacts where workspace_id = '00000000-0000-0000-0000-00000000000a' and abs(hashtext(id::text)) % 50 = 1;
insert into push_tokens (workspace_id, token, platform, contact_id)
select workspace_id, 'tok' || id, 'ios', id from contacts where workspace_id = '00000000-0000-0000-0000-00000000000a' and abs(hashtext(id::text)) % 10 = 3;
vacuum analyze;
