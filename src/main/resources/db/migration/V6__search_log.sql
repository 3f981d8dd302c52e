-- What people search for, aggregated per day: the query text (normalised) and counts only, no user,
-- no address, nothing else. Editors read it on the search-insights page; rows older than the
-- retention period (kb.insights.retention, 30 days by default) are deleted every day.

create table search_log (
    search_day   date         not null,
    query_text   varchar(256) not null,
    searches     integer      not null,
    zero_results integer      not null,
    primary key (search_day, query_text)
);
