-- The organisation an account belongs to: a concept id from content/taxonomy/organisations.yml,
-- set by administrators. One organisation per account (the primary key); no row means none yet.
-- A table of its own rather than a column on account, so the account row keeps its shape.
create table account_organisation (
    account_id      bigint       not null primary key references account (id),
    organisation_id varchar(64)  not null,
    set_by          bigint       not null references account (id),
    set_at          timestamp with time zone not null
);

create index account_organisation_organisation on account_organisation (organisation_id);
