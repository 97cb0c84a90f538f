-- attribute string equals
(c.attributes @> $1::jsonb)
-- params: ["{\"secret-key\":\"needle-1\"}"]

-- attribute string not_equals
(not c.attributes @> $1::jsonb)
-- params: ["{\"secret-key\":\"needle-1\"}"]

-- attribute string contains
(coalesce((jsonb_typeof((c.attributes -> $1)) = 'string' and strpos(lower(((c.attributes -> $2) #>> '{}')), lower($3::text)) > 0), false))
-- params: ["secret-key","secret-key","needle-1"]

-- attribute string not_contains
(not coalesce((jsonb_typeof((c.attributes -> $1)) = 'string' and strpos(lower(((c.attributes -> $2) #>> '{}')), lower($3::text)) > 0), false))
-- params: ["secret-key","secret-key","needle-1"]

-- attribute string starts_with
(coalesce((jsonb_typeof((c.attributes -> $1)) = 'string' and left(lower(((c.attributes -> $2) #>> '{}')), char_length($3::text)) = lower($4::text)), false))
-- params: ["secret-key","secret-key","needle-1","needle-1"]

-- attribute string ends_with
(coalesce((jsonb_typeof((c.attributes -> $1)) = 'string' and right(lower(((c.attributes -> $2) #>> '{}')), char_length($3::text)) = lower($4::text)), false))
-- params: ["secret-key","secret-key","needle-1","needle-1"]

-- attribute string in
(coalesce((jsonb_typeof((c.attributes -> $1)) = 'string' and ((c.attributes -> $2) #>> '{}') in ($3::text, $4::text)), false))
-- params: ["secret-key","secret-key","needle-1","needle-2"]

-- attribute string not_in
(not coalesce((jsonb_typeof((c.attributes -> $1)) = 'string' and ((c.attributes -> $2) #>> '{}') in ($3::text)), false))
-- params: ["secret-key","secret-key","needle-1"]

-- attribute string is_set
(((c.attributes -> $1) is not null and jsonb_typeof((c.attributes -> $2)) <> 'null'))
-- params: ["secret-key","secret-key"]

-- attribute string is_not_set
(not ((c.attributes -> $1) is not null and jsonb_typeof((c.attributes -> $2)) <> 'null'))
-- params: ["secret-key","secret-key"]

-- attribute number eq
((case when jsonb_typeof((c.attributes -> $1)) = 'number' then ((c.attributes -> $2))::numeric = $3::numeric else false end))
-- params: ["secret-key","secret-key",41]

-- attribute number neq
(not (case when jsonb_typeof((c.attributes -> $1)) = 'number' then ((c.attributes -> $2))::numeric = $3::numeric else false end))
-- params: ["secret-key","secret-key",41]

-- attribute number gt
((case when jsonb_typeof((c.attributes -> $1)) = 'number' then ((c.attributes -> $2))::numeric > $3::numeric else false end))
-- params: ["secret-key","secret-key",41]

-- attribute number gte
((case when jsonb_typeof((c.attributes -> $1)) = 'number' then ((c.attributes -> $2))::numeric >= $3::numeric else false end))
-- params: ["secret-key","secret-key",41]

-- attribute number lt
((case when jsonb_typeof((c.attributes -> $1)) = 'number' then ((c.attributes -> $2))::numeric < $3::numeric else false end))
-- params: ["secret-key","secret-key",41]

-- attribute number lte
((case when jsonb_typeof((c.attributes -> $1)) = 'number' then ((c.attributes -> $2))::numeric <= $3::numeric else false end))
-- params: ["secret-key","secret-key",41]

-- attribute number between
((case when jsonb_typeof((c.attributes -> $1)) = 'number' then ((c.attributes -> $2))::numeric between $3::numeric and $4::numeric else false end))
-- params: ["secret-key","secret-key",41,42]

-- attribute number is_set
(((c.attributes -> $1) is not null and jsonb_typeof((c.attributes -> $2)) <> 'null'))
-- params: ["secret-key","secret-key"]

-- attribute number is_not_set
(not ((c.attributes -> $1) is not null and jsonb_typeof((c.attributes -> $2)) <> 'null'))
-- params: ["secret-key","secret-key"]

-- attribute boolean is_true
(coalesce(((c.attributes -> $1) = 'true'::jsonb), false))
-- params: ["secret-key"]

-- attribute boolean is_false
(coalesce(((c.attributes -> $1) = 'false'::jsonb), false))
-- params: ["secret-key"]

-- attribute boolean is_set
(((c.attributes -> $1) is not null and jsonb_typeof((c.attributes -> $2)) <> 'null'))
-- params: ["secret-key","secret-key"]

-- attribute boolean is_not_set
(not ((c.attributes -> $1) is not null and jsonb_typeof((c.attributes -> $2)) <> 'null'))
-- params: ["secret-key","secret-key"]

-- attribute date before
(coalesce(((case when jsonb_typeof((c.attributes -> $1)) = 'string' and ((c.attributes -> $2) #>> '{}') ~ $3 then waymark_to_timestamptz(((c.attributes -> $4) #>> '{}')) end) < $5::timestamptz), false))
-- params: ["secret-key","secret-key","^\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?$","secret-key","2026-01-02T00:00:00Z"]

-- attribute date after
(coalesce(((case when jsonb_typeof((c.attributes -> $1)) = 'string' and ((c.attributes -> $2) #>> '{}') ~ $3 then waymark_to_timestamptz(((c.attributes -> $4) #>> '{}')) end) > $5::timestamptz), false))
-- params: ["secret-key","secret-key","^\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?$","secret-key","2026-01-02T00:00:00Z"]

-- attribute date between
(coalesce(((case when jsonb_typeof((c.attributes -> $1)) = 'string' and ((c.attributes -> $2) #>> '{}') ~ $3 then waymark_to_timestamptz(((c.attributes -> $4) #>> '{}')) end) between $5::timestamptz and $6::timestamptz), false))
-- params: ["secret-key","secret-key","^\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?$","secret-key","2026-01-02T00:00:00Z","2026-02-02T00:00:00Z"]

-- attribute date within_last_days
(coalesce(((case when jsonb_typeof((c.attributes -> $1)) = 'string' and ((c.attributes -> $2) #>> '{}') ~ $3 then waymark_to_timestamptz(((c.attributes -> $4) #>> '{}')) end) between $5::timestamptz - make_interval(days => $6::int) and $7::timestamptz), false))
-- params: ["secret-key","secret-key","^\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?$","secret-key","2026-11-20T12:00:00.000Z",41,"2026-11-20T12:00:00.000Z"]

-- attribute date within_next_days
(coalesce(((case when jsonb_typeof((c.attributes -> $1)) = 'string' and ((c.attributes -> $2) #>> '{}') ~ $3 then waymark_to_timestamptz(((c.attributes -> $4) #>> '{}')) end) between $5::timestamptz and $6::timestamptz + make_interval(days => $7::int)), false))
-- params: ["secret-key","secret-key","^\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?$","secret-key","2026-11-20T12:00:00.000Z","2026-11-20T12:00:00.000Z",41]

-- attribute date more_than_days_ago
(coalesce(((case when jsonb_typeof((c.attributes -> $1)) = 'string' and ((c.attributes -> $2) #>> '{}') ~ $3 then waymark_to_timestamptz(((c.attributes -> $4) #>> '{}')) end) < $5::timestamptz - make_interval(days => $6::int)), false))
-- params: ["secret-key","secret-key","^\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?$","secret-key","2026-11-20T12:00:00.000Z",41]

-- attribute date is_set
(((case when jsonb_typeof((c.attributes -> $1)) = 'string' and ((c.attributes -> $2) #>> '{}') ~ $3 then waymark_to_timestamptz(((c.attributes -> $4) #>> '{}')) end) is not null))
-- params: ["secret-key","secret-key","^\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?$","secret-key"]

-- attribute date is_not_set
(((case when jsonb_typeof((c.attributes -> $1)) = 'string' and ((c.attributes -> $2) #>> '{}') ~ $3 then waymark_to_timestamptz(((c.attributes -> $4) #>> '{}')) end) is null))
-- params: ["secret-key","secret-key","^\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?$","secret-key"]

-- attribute array includes
(coalesce((jsonb_typeof((c.attributes -> $1)) = 'array' and (c.attributes -> $2) @> $3::jsonb), false))
-- params: ["secret-key","secret-key","[\"needle-1\"]"]

-- attribute array not_includes
(not coalesce((jsonb_typeof((c.attributes -> $1)) = 'array' and (c.attributes -> $2) @> $3::jsonb), false))
-- params: ["secret-key","secret-key","[\"needle-1\"]"]

-- attribute array is_empty
(coalesce((jsonb_typeof((c.attributes -> $1)) = 'array' and jsonb_array_length((c.attributes -> $2)) = 0), false))
-- params: ["secret-key","secret-key"]

-- attribute array is_set
(((c.attributes -> $1) is not null and jsonb_typeof((c.attributes -> $2)) <> 'null'))
-- params: ["secret-key","secret-key"]

-- attribute array is_not_set
(not ((c.attributes -> $1) is not null and jsonb_typeof((c.attributes -> $2)) <> 'null'))
-- params: ["secret-key","secret-key"]

-- profile email starts_with
(coalesce((lower(left(c.email, char_length($1::text))) = lower($2::text)), false))
-- params: ["needle-1","needle-1"]

-- signup within_last_days
((c.created_at between $1::timestamptz - make_interval(days => $2::int) and $3::timestamptz))
-- params: ["2026-11-20T12:00:00.000Z",7,"2026-11-20T12:00:00.000Z"]

-- event did, last 7 days, amount > 100
(exists (select 1 from events e where e.workspace_id = $1::uuid and e.contact_id = c.id and e.name = $2::text and e.occurred_at between $3::timestamptz - make_interval(days => $4::int) and $5::timestamptz and (case when jsonb_typeof((e.properties -> $6)) = 'number' then ((e.properties -> $7))::numeric > $8::numeric else false end)))
-- params: ["00000000-0000-4000-8000-0000000000ff","needle-event","2026-11-20T12:00:00.000Z",7,"2026-11-20T12:00:00.000Z","amount","amount",100]

-- event did not
(not exists (select 1 from events e where e.workspace_id = $1::uuid and e.contact_id = c.id and e.name = $2::text and true and true))
-- params: ["00000000-0000-4000-8000-0000000000ff","needle-event"]

-- event at least 3 between dates
(c.id = any(array(select e.contact_id from events e where e.workspace_id = $1::uuid and e.name = $2::text and e.occurred_at between $3::timestamptz and $4::timestamptz and true group by e.contact_id having count(*) >= $5)))
-- params: ["00000000-0000-4000-8000-0000000000ff","needle-event","2026-01-01T00:00:00Z","2026-02-01T00:00:00Z",3]

-- event at most 2
(not exists (select 1 from (select e.contact_id from events e where e.workspace_id = $1::uuid and e.name = $2::text and true and true group by e.contact_id having count(*) > $3) n where n.contact_id = c.id))
-- params: ["00000000-0000-4000-8000-0000000000ff","needle-event",2]

-- event first occurrence before
(coalesce(((select min(e.occurred_at) from events e where e.workspace_id = $1::uuid and e.contact_id = c.id and e.name = $2::text and true) < $3::timestamptz), false))
-- params: ["00000000-0000-4000-8000-0000000000ff","needle-event","2026-01-01T00:00:00Z"]

-- event last occurrence within 30 days
(coalesce(((select max(e.occurred_at) from events e where e.workspace_id = $1::uuid and e.contact_id = c.id and e.name = $2::text and true) between $3::timestamptz - make_interval(days => $4::int) and $5::timestamptz), false))
-- params: ["00000000-0000-4000-8000-0000000000ff","needle-event","2026-11-20T12:00:00.000Z",30,"2026-11-20T12:00:00.000Z"]

-- added to cart, not bought within 3 hours
(exists (select 1 from events a where a.workspace_id = $1::uuid and a.contact_id = c.id and a.name = $2::text and true and true and a.occurred_at <= $3::timestamptz - make_interval(secs => $4::float8) and not exists (select 1 from events b where b.workspace_id = $5::uuid and b.contact_id = a.contact_id and b.name = $6::text and true and b.occurred_at between a.occurred_at and a.occurred_at + make_interval(secs => $7::float8))))
-- params: ["00000000-0000-4000-8000-0000000000ff","Added to Cart","2026-11-20T12:00:00.000Z",10800,"00000000-0000-4000-8000-0000000000ff","Order Completed",10800]

-- viewed then bought within a day
(exists (select 1 from events a where a.workspace_id = $1::uuid and a.contact_id = c.id and a.name = $2::text and a.occurred_at between $3::timestamptz - make_interval(days => $4::int) and $5::timestamptz and true and exists (select 1 from events b where b.workspace_id = $6::uuid and b.contact_id = a.contact_id and b.name = $7::text and true and b.occurred_at between a.occurred_at and a.occurred_at + make_interval(secs => $8::float8) and b.occurred_at between $9::timestamptz - make_interval(days => $10::int) and $11::timestamptz + make_interval(secs => $12::float8))))
-- params: ["00000000-0000-4000-8000-0000000000ff","Viewed","2026-11-20T12:00:00.000Z",30,"2026-11-20T12:00:00.000Z","00000000-0000-4000-8000-0000000000ff","Bought",86400,"2026-11-20T12:00:00.000Z",30,"2026-11-20T12:00:00.000Z",86400]

-- bought again within a day
(exists (select 1 from events a where a.workspace_id = $1::uuid and a.contact_id = c.id and a.name = $2::text and true and true and exists (select 1 from events b where b.workspace_id = $3::uuid and b.contact_id = a.contact_id and b.name = $4::text and b.id <> a.id and true and b.occurred_at between a.occurred_at and a.occurred_at + make_interval(secs => $5::float8))))
-- params: ["00000000-0000-4000-8000-0000000000ff","Bought","00000000-0000-4000-8000-0000000000ff","Bought",86400]

-- channel reachable sms
((c.phone is not null and not exists (select 1 from channel_subscriptions s where s.contact_id = c.id and s.status = 'unsubscribed' and s.channel in ('all', $1::subscription_channel))))
-- params: ["sms"]

-- channel opted out email
(exists (select 1 from channel_subscriptions s where s.contact_id = c.id and s.status = 'unsubscribed' and s.channel in ('all', $1::subscription_channel)))
-- params: ["email"]

-- channel has push
((exists (select 1 from push_tokens pt where pt.contact_id = c.id)))
-- params: []

-- device ios
(exists (select 1 from push_tokens pt where pt.contact_id = c.id and pt.platform = $1::push_platform))
-- params: ["ios"]

-- topic left deals
(exists (select 1 from topics tp left join topic_subscriptions tps on tps.topic_id = tp.id and tps.contact_id = c.id where tp.workspace_id = $1::uuid and tp.key = $2::text and coalesce(tps.status = 'subscribed', tp.default_subscribed) = $3::boolean))
-- params: ["00000000-0000-4000-8000-0000000000ff","deals",false]
