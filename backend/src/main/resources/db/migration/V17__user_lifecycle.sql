-- When the account last signed in (password or Microsoft 365), for the admin's user list; null: never.
alter table app_user add column last_signed_in_at timestamptz;

-- An administrator may delete an account: the settings it changed stay, naming nobody (the audit trail keeps the
-- name). A change's author was required before; now it is null once that account is deleted.
alter table system_setting drop constraint system_setting_updated_by_fkey,
    add constraint system_setting_updated_by_fkey foreign key (updated_by) references app_user (id) on delete set null;
alter table system_setting_change alter column changed_by drop not null,
    drop constraint system_setting_change_changed_by_fkey,
    add constraint system_setting_change_changed_by_fkey
        foreign key (changed_by) references app_user (id) on delete set null;

-- When a Microsoft identity was first linked to its account.
alter table external_identity add column linked_at timestamptz not null default now();
create index external_identity_user on external_identity (user_id);
