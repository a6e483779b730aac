//! Training over real HTTP on SQLite and PostgreSQL: anyone may try a quiz, every answer must
//! be right, an actor's pass is recorded on the profile, a call requiring a module refuses an
//! actor without it and takes them once passed, and crews filter applicants and the pool by it.

mod support;

use app::models::{OrgKind, OrgRef};
use domain::account::Role;
use domain::casting::ActorFacts;
use domain::training::course;
use domain::vocab::{Gender, Module};

use support::{Backend, Browser, TestApp, TestDb, execute, json, scalar};

/// The right answers to `module`'s quiz as form fields, with question `wrong` answered wrongly.
fn answers(module: Module, wrong: Option<usize>) -> Vec<(String, String)> {
    let mut form = vec![("module".to_string(), module.code().to_string())];
    for (i, q) in course(module).quiz.iter().enumerate() {
        let choice = if Some(i) == wrong { (q.correct + 1) % q.options.len() } else { q.correct };
        form.push((format!("answers[{i}]"), choice.to_string()));
    }
    form
}

async fn take_quiz(who: &Browser, module: Module, wrong: Option<usize>) -> serde_json::Value {
    let form = answers(module, wrong);
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    json(who.call("/api/training/quiz", &form).await).await
}

on_both_backends!(
    a_call_requiring_training_takes_an_actor_once_she_passes,
    |backend: Backend| async move {
        let app = TestApp::spawn_with(TestDb::seeded(backend).await, 10_000).await;
        let today = server::backend::studio_today();

        // The seed: calls for riders require the horses module.
        let calls = app.db.store.open_calls(today).await.unwrap();
        let riders = calls
            .iter()
            .find(|c| c.requirements.training.contains(&Module::Horses))
            .expect("a seeded call requiring the horses module");
        let call = riders.call_id.to_string();
        let sql = format!(
            "update casting_call set gender = null, age_min = null, age_max = null, \
             height_min_cm = null, height_max_cm = null, weight_min_kg = null, \
             weight_max_kg = null where casting_call_id = {call}"
        );
        execute(&app.db.store, &sql).await;
        execute(
            &app.db.store,
            &format!("delete from casting_call_skill where casting_call_id = {call}"),
        )
        .await;

        // A visitor may try a quiz; nothing is recorded.
        let visitor = take_quiz(&app.browser(), Module::Horses, None).await;
        assert_eq!(visitor["grade"]["correct"], 4);
        assert_eq!(visitor["recorded"], false);
        let listed = json(app.browser().call("/api/training", &[]).await).await;
        assert_eq!(listed["records"], false);
        assert_eq!(listed["modules"].as_array().unwrap().len(), Module::ALL.len());

        // An actress without it is told which module is missing, and cannot apply.
        let facts = ActorFacts {
            gender: Gender::Female,
            birth_date: time::macros::date!(2000 - 01 - 01),
            height_cm: 165,
            weight_kg: 52,
            skills: vec![],
            training: vec![],
        };
        let (actor, _) = app.actor(&facts).await;
        let refused = actor.call("/api/call/apply", &[("call_id", &call)]).await;
        assert_eq!(refused.status(), 422);
        assert_eq!(
            json(refused).await["Ineligible"],
            serde_json::json!([{ "Training": "horses" }])
        );

        // One wrong answer: not passed, the question named; nothing recorded.
        let failed = take_quiz(&actor, Module::Horses, Some(2)).await;
        assert_eq!(failed["grade"]["wrong"], serde_json::json!([2]));
        assert_eq!(failed["recorded"], false);
        // Unanswered questions count as wrong.
        let partial = json(
            actor.call("/api/training/quiz", &[("module", "horses"), ("answers[0]", "1")]).await,
        )
        .await;
        assert_eq!(partial["grade"]["wrong"], serde_json::json!([1, 2, 3]));
        let unknown = actor.call("/api/training/quiz", &[("module", "juggling")]).await;
        assert_eq!(unknown.status(), 404);
        let mine = json(actor.call("/api/training", &[]).await).await;
        assert_eq!(mine["records"], true);
        assert!(mine["modules"].as_array().unwrap().iter().all(|m| m["passed_at"].is_null()));

        // Every answer right: recorded on her profile; the call takes her now.
        let passed = take_quiz(&actor, Module::Horses, None).await;
        assert_eq!(passed["recorded"], true);
        let mine = json(actor.call("/api/training", &[]).await).await;
        let horses = mine["modules"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["module"] == "horses")
            .unwrap()
            .clone();
        assert!(horses["passed_at"].as_i64().unwrap() > 0);
        let profile = json(actor.call("/api/profile", &[]).await).await;
        assert_eq!(profile["facts"]["training"], serde_json::json!(["horses"]));
        assert_eq!(actor.call("/api/call/apply", &[("call_id", &call)]).await.status(), 200);

        // The crew filters applicants by training; the public card shows the requirement.
        let production =
            app.db.store.call(riders.call_id, today).await.unwrap().unwrap().production_id;
        let (crew, _) = app
            .logged_in(Role::Crew, Some(OrgRef { kind: OrgKind::Production, id: production }))
            .await;
        let trained = json(
            crew.call("/api/call/applicants", &[("call_id", &call), ("query", "training=horses")])
                .await,
        )
        .await;
        assert_eq!(trained["applicants"].as_array().unwrap().len(), 1);
        let untrained = json(
            crew.call(
                "/api/call/applicants",
                &[("call_id", &call), ("query", "training=pyrotechnics")],
            )
            .await,
        )
        .await;
        assert!(untrained["applicants"].as_array().unwrap().is_empty());
        let page = json(app.browser().call("/api/call", &[("call_id", &call)]).await).await;
        assert_eq!(page["card"]["requirements"]["training"], serde_json::json!(["horses"]));

        // The actor pool narrowed by training agrees with the stored passes.
        let sql = "select count(*) from actor x where x.discoverable and exists \
                   (select 1 from training_pass t where t.actor_id = x.actor_id and t.module = 'set_safety')";
        let expected = scalar(&app.db.store, sql).await;
        assert!(expected > 0, "the seed records set-safety passes");
        let pool = json(crew.call("/api/actors", &[("query", "training=set_safety")]).await).await;
        assert_eq!(pool["total"], expected);
    }
);

on_both_backends!(a_crew_posts_a_call_that_requires_a_module, |backend: Backend| async move {
    let app = TestApp::spawn_with(TestDb::seeded(backend).await, 10_000).await;
    let (crew, _) =
        app.logged_in(Role::Crew, Some(OrgRef { kind: OrgKind::Production, id: 1 })).await;
    let today = server::backend::studio_today();
    let start = (today + time::Duration::days(20)).to_string();
    let deadline = (today + time::Duration::days(10)).to_string();
    let place = app.db.store.location_pins().await.unwrap()[0].slug.clone();
    let mut form = vec![
        ("form[role_zh]", "爆破群演"),
        ("form[location]", place.as_str()),
        ("form[starts_on]", start.as_str()),
        ("form[ends_on]", start.as_str()),
        ("form[deadline]", deadline.as_str()),
        ("form[pay_per_day]", "400"),
        ("form[needed]", "10"),
        ("form[training][]", "pyrotechnics"),
        ("form[training][]", "set_safety"),
    ];
    let posted = crew.call("/api/call/save", &form).await;
    assert_eq!(posted.status(), 200);
    let id = json(posted).await.as_i64().unwrap();
    let card = app.db.store.call(id, today).await.unwrap().unwrap().card;
    assert_eq!(card.requirements.training, vec![Module::SetSafety, Module::Pyrotechnics]);

    // An unknown module is refused by name; editing replaces the list.
    form.push(("form[training][]", "juggling"));
    let refused = json(crew.call("/api/call/save", &form).await).await;
    assert_eq!(support::codes(&refused), [("training".to_string(), "invalid".to_string())]);
    form.retain(|(k, v)| *k != "form[training][]" || *v == "pyrotechnics");
    let id_s = id.to_string();
    form.push(("call_id", id_s.as_str()));
    assert_eq!(crew.call("/api/call/save", &form).await.status(), 200);
    let card = app.db.store.call(id, today).await.unwrap().unwrap().card;
    assert_eq!(card.requirements.training, vec![Module::Pyrotechnics]);
});
