//! `/training` and `/training/{module}` (码上培训): short lessons and a quiz for each module. Anyone
//! may read and try them; an actor's pass is recorded on their profile, and calls may require a
//! module. Training is free, and the pages say so: "training fees" are a common scam.

use crate::codec::fetched;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::components::content_lang;
use crate::components::error_view::ErrorView;
use crate::i18n::*;
use crate::models::{QuizResult, TrainingView};
use crate::pages::login::form_error;
use crate::training::{SubmitQuiz, load_training};
use domain::studio_datetime;
use domain::training::course;
use domain::vocab::Module;

#[component]
pub fn TrainingPage() -> impl IntoView {
    let i18n = use_i18n();
    let training = fetched(|| (), |_| load_training());
    view! {
        <section class="training">
            <h1>{tr!(i18n, training_title)}</h1>
            <p class="notice free-notice">{tr!(i18n, training_free)}</p>
            <Transition fallback=move || view! { <p>{tr!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match training.await {
                        Ok(view) => view! { <ModuleList view /> }.into_any(),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn ModuleList(view: TrainingView) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || content_lang(i18n);
    view! {
        {(!view.records).then(|| view! { <p class="hint">{tr!(i18n, training_log_in)}</p> })}
        <ul class="module-list">
            {view
                .modules
                .into_iter()
                .map(|m| {
                    let module = m.module;
                    let c = course(module);
                    let minutes = c.minutes;
                    view! {
                        <li class="module-card" data-module=module.code() data-passed=m.passed_at.is_some().to_string()>
                            <h2><a href=format!("/training/{}", module.code())>{move || module.label(lang())}</a></h2>
                            <p>{move || c.summary.get(lang())}</p>
                            <p class="hint">{t!(i18n, training_minutes, minutes = minutes)}</p>
                            {m.passed_at.map(|at| {
                                let when = studio_datetime(at);
                                view! { <p class="passed">"✓ " {t!(i18n, training_passed_on, when = when.clone())}</p> }
                            })}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

#[component]
pub fn ModulePage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let module = move || params.with(|p| p.get("module").and_then(|m| Module::parse(&m)));
    let next = move || query.with(|q| q.get("next")).filter(|n| n.starts_with("/casting/"));
    view! {
        <section class="training-module">
            {move || match module() {
                None => view! { <ErrorView error=crate::error::AppError::NotFound /> }.into_any(),
                Some(module) => view! { <Lessons module next=next() /> }.into_any(),
            }}
        </section>
    }
}

/// A module's lessons and its quiz.
#[component]
fn Lessons(module: Module, next: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || content_lang(i18n);
    let c = course(module);
    let quiz = ServerAction::<SubmitQuiz>::new();
    let result = Signal::derive(move || quiz.value().get());
    view! {
        <p class="breadcrumb"><a href="/training">{tr!(i18n, training_title)}</a></p>
        <h1>{move || module.label(lang())}</h1>
        <p>{move || c.summary.get(lang())}</p>
        <p class="notice free-notice">{tr!(i18n, training_free)}</p>
        <ol class="lessons">
            {c.lessons.iter().enumerate().map(|(i, lesson)| {
                let lesson = *lesson;
                view! { <li id=format!("lesson-{}", i + 1)>{move || lesson.get(lang())}</li> }
            }).collect_view()}
        </ol>
        <h2>{tr!(i18n, quiz_title)}</h2>
        <ActionForm action=quiz attr:class="quiz">
            <input type="hidden" name="module" value=module.code() />
            {c.quiz.iter().enumerate().map(|(i, q)| {
                let q = *q;
                view! {
                    <fieldset class="question" data-question=i>
                        <legend>{i + 1} ". " {move || q.text.get(lang())}</legend>
                        {q.options.iter().enumerate().map(|(j, option)| {
                            let option = *option;
                            view! {
                                <label class="option">
                                    <input type="radio" name=format!("answers[{i}]") value=j required />
                                    {move || option.get(lang())}
                                </label>
                            }
                        }).collect_view()}
                    </fieldset>
                }
            }).collect_view()}
            <button type="submit" class="primary" disabled=move || quiz.pending().get()>{tr!(i18n, quiz_submit)}</button>
        </ActionForm>
        <div class="quiz-result" aria-live="polite">
            {move || match result.get() {
                None => None,
                Some(Ok(r)) => Some(view! { <Outcome result=r next=next.clone() /> }.into_any()),
                Some(Err(e)) => Some(view! { <p class="form-error" role="alert">{form_error(i18n, Some(e))}</p> }.into_any()),
            }}
        </div>
    }
}

/// A graded quiz: passed (and recorded for an actor), or which questions to read again.
#[component]
fn Outcome(result: QuizResult, next: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let c = course(result.module);
    let grade = result.grade;
    let (correct, total) = (grade.correct, grade.total);
    if grade.passed() {
        view! {
            <p class="passed" role="status" data-recorded=result.recorded.to_string()>
                "✓ " {tr!(i18n, quiz_passed)} " "
                {if result.recorded { tr!(i18n, quiz_recorded).into_any() } else { tr!(i18n, quiz_not_recorded).into_any() }}
            </p>
            {next.map(|n| view! { <p><a class="button" href=n>{tr!(i18n, back_to_call)}</a></p> })}
        }
        .into_any()
    } else {
        view! {
            <div class="failed" role="alert">
                <p>{t!(i18n, quiz_failed, correct = correct, total = total)}</p>
                <ul>
                    {grade.wrong.iter().map(|i| {
                        let question = i + 1;
                        let lesson = c.quiz[*i].lesson + 1;
                        view! {
                            <li>
                                {t!(i18n, quiz_wrong, question = question)} " "
                                <a href=format!("#lesson-{lesson}")>{t!(i18n, quiz_read_lesson, lesson = lesson)}</a>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </div>
        }
        .into_any()
    }
}
