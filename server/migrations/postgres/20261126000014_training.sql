-- Training (码上培训): the modules each actor has passed, and the modules a call requires.

create table training_pass (
    actor_id bigint not null references actor (actor_id) on delete cascade,
    module text not null,
    passed_at bigint not null,
    primary key (actor_id, module)
);

create index training_pass_by_module on training_pass (module, actor_id);

create table casting_call_training (
    casting_call_id bigint not null references casting_call (casting_call_id) on delete cascade,
    module text not null,
    primary key (casting_call_id, module)
);
