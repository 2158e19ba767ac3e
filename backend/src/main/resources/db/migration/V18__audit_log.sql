-- The audit log (System > Audit log): one append-only table of every administrative and security-relevant action.

-- A deleted account's rows keep its id and name as they were: the actor is a record, not a reference, so deleting
-- an app_user changes no audit row (before, "on delete set null" rewrote them).
alter table audit_event drop constraint if exists audit_event_actor_id_fkey;
update audit_event a set actor_name = u.username from app_user u where a.actor_name is null and u.id = a.actor_id;

-- Settings changes recorded before this migration, with their old and new values (secrets only as replaced/cleared).
insert into audit_event (occurred_at, action, actor_id, actor_name, client_address, details)
select c.changed_at, 'SETTING_CHANGED', c.changed_by, u.username, null,
       jsonb_strip_nulls(jsonb_build_object(
           'setting', c.name,
           'change', c.action,
           'oldValue', case when c.action in ('SET', 'RESET_TO_DEFAULT') then c.old_value end,
           'newValue', case when c.action = 'SET' then c.new_value end))
from system_setting_change c left join app_user u on u.id = c.changed_by
order by c.changed_at, c.id;

create index audit_event_action_occurred_at on audit_event (action, occurred_at desc, id desc);

-- Append-only: no statement changes or deletes a row once written (TRUNCATE, an owner's act, is not a row change).
create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;
create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function audit_event_append_only();
