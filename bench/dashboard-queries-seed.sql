insert into workspaces (id, slug, name, timezone) values ('00000000-0000-0000-0000-00000000000a', 'big', 'Big', 'Europe/Berlin'), ('00000000-0000-0000-0000-00000000000b', 'other', 'Other', 'UTC');
insert into contacts (id, workspace_id, external_id)
select ('00000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, '00000000-0000-0000-0000-00000000000a', 'u' || g from generate_series(1, 200000) g;
insert into templates (id, workspace_id, name, channel, draft, published_version)
select ('00000000-0000-4000-9000-' || lpad(g::text, 12, '0'))::uuid, '00000000-0000-0000-0000-00000000000a', 'Template ' || g, (array['email','sms','push'])[1 + g % 3]::message_channel, '{}', 3 from generate_series(0, 19) g;
insert into journeys (id, workspace_id, name, status, draft_graph, live_version)
select ('00000000-0000-4000-a000-' || lpad(g::text, 12, '0'))::uuid, '00000000-0000-0000-0000-00000000000a', 'Journey ' || g, 'live', '{}', 1 from generate_series(0, 9) g;
insert into journey_versions (journey_id, version, workspace_id, graph, settings, plan)
select id, 1, workspace_id, '{}', '{}', '{"entryStepId":"t","steps":{"t":{"kind":"trigger","config":{},"next":{"next":"split"}},"split":{"kind":"ab_split","config":{"variants":[{"id":"A","label":"","percent":50},{"id":"B","label":"","percent":50}]},"next":{"A":"send_a","B":"send_b"}},"send_a":{"kind":"send","config":{"channel":"email"},"next":{"next":"hold"}},"send_b":{"kind":"send","config":{"channel":"email"},"next":{"next":"hold"}},"hold":{"kind":"holdout","config":{"percent":10},"next":{"continue":"sms"}},"sms":{"kind":"send","config":{"channel":"sms"},"next":{}}}}'::jsonb from journeys;
-- 2,640,000 messages over the last year in the big workspace (a quarter outside journeys, 1 in 500 a test send), 100,000 in the other.
insert into messages (workspace_id, contact_id, idempotency_key, channel, template_id, template_version, origin, status, is_test, created_at)
select '00000000-0000-0000-0000-00000000000a', ('00000000-0000-4000-8000-' || lpad((1 + g % 200000)::text, 12, '0'))::uuid, 'm' || g,
  (array['email','sms','push'])[1 + (g % 20) % 3]::message_channel, ('00000000-0000-4000-9000-' || lpad((g % 20)::text, 12, '0'))::uuid, 1 + (g / 7) % 3,
  case when g % 4 = 0 then '{"kind":"campaign"}'::jsonb else jsonb_build_object('kind', 'journey', 'journeyId', '00000000-0000-4000-a000-' || lpad((g % 10)::text, 12, '0'), 'version', 1, 'nodeId', (array['send_a','send_b','sms'])[1 + (g / 3) % 3], 'runId', 'r' || g) end,
  'delivered', g % 500 = 0, now() - (g % 365) * interval '1 day' - ((g::bigint * 7919) % 86400) * interval '1 second'
from generate_series(1, 2640000) g;
insert into messages (workspace_id, idempotency_key, channel, origin, status, created_at)
select '00000000-0000-0000-0000-00000000000b', 'o' || g, 'email', '{"kind":"campaign"}', 'delivered', now() - (g % 365) * interval '1 day' from generate_series(1, 100000) g;
-- About 3.8 events per message, stored in time order as ingestion appends them.
insert into message_events (workspace_id, message_id, type, occurred_at)
select m.workspace_id, m.id, t.type::message_event_type, m.created_at + t.off
from (select id, workspace_id, created_at, abs(hashtext(idempotency_key)) % 1000 as r from messages) m
cross join lateral (values
  ('queued', interval '0', true),
  ('sent', interval '2 seconds', true),
  ('delivered', interval '40 seconds', m.r >= 80),
  ('failed', interval '30 seconds', m.r < 50),
  ('bounced', interval '60 seconds', m.r >= 50 and m.r < 80),
  ('opened', interval '1 hour' * (1 + m.r % 37), m.r >= 80 and m.r < 520),
  ('opened', interval '1 hour' * (2 + m.r % 41), m.r >= 80 and m.r < 300),
  ('clicked', interval '1 hour' * (3 + m.r % 29), m.r >= 80 and m.r < 200),
  ('unsubscribed', interval '1 hour' * (5 + m.r % 13), m.r >= 990)
) t(type, off, keep)
where t.keep
order by m.created_at + t.off;
-- 500,000 journey entries with their node visits (A/B split, sends, holdout).
insert into journey_entries (id, workspace_id, journey_id, version, contact_id, trigger_key, status, current_node_id, created_at, exited_at, exit_reason, converted)
select ('00000000-0000-4000-b000-' || lpad(g::text, 12, '0'))::uuid, '00000000-0000-0000-0000-00000000000a', ('00000000-0000-4000-a000-' || lpad((g % 10)::text, 12, '0'))::uuid, 1,
  ('00000000-0000-4000-8000-' || lpad((1 + g % 200000)::text, 12, '0'))::uuid, 't' || g,
  (case when g % 20 = 0 then 'active' when g % 10 = 1 then 'exited' else 'completed' end)::journey_entry_status,
  case when g % 20 = 0 then 'hold' end, at, case when g % 20 = 0 then null else at + interval '2 days' end,
  case when g % 20 = 0 then null when g % 10 = 1 then 'holdout' else 'completed' end,
  g % 20 <> 0 and abs(hashtext('c' || g)) % 100 < case when g % 10 = 1 then 8 when g % 2 = 0 then 20 else 14 end
from (select g, now() - (g % 365) * interval '1 day' - ((g::bigint * 31) % 86400) * interval '1 second' as at from generate_series(1, 500000) g) s;
insert into journey_node_visits (entry_id, journey_id, node_id, outcome, passed_at)
select e.id, e.journey_id, v.node, v.outcome, e.created_at + v.off
from (select id, journey_id, created_at, status, exit_reason, right(trigger_key, -1)::int as g from journey_entries) e
cross join lateral (values
  ('split', case when e.g % 2 = 0 then 'A' else 'B' end, interval '0', true),
  (case when e.g % 2 = 0 then 'send_a' else 'send_b' end, 'next', interval '1 minute', true),
  ('hold', case when e.exit_reason = 'holdout' then 'held_out' else 'continue' end, interval '1 day', e.status <> 'active'),
  ('sms', 'next', interval '1 day 1 minute', e.status = 'completed')
) v(node, outcome, off, keep)
where v.keep;
vacuum analyze;
