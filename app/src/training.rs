//! Server functions for training (码上培训): the modules with the reader's passes, and quizzes.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::error::AppError;
use crate::models::{QuizResult, TrainingView};

#[cfg(feature = "ssr")]
use crate::api::answer;

/// Every module, with the logged-in actor's passes.
#[server(prefix = "/api", endpoint = "training")]
pub async fn load_training() -> Result<TrainingView, AppError> {
    answer(async {
        let viewer = crate::auth::session_account().await?;
        crate::backend::backend()?.training(viewer.as_ref()).await
    })
    .await
}

/// Grades a module's quiz: `answers[i]` is the option chosen for question `i` (fields
/// `answers[0]`, `answers[1]`…; unanswered questions count as wrong). An actor's pass is
/// recorded on their profile.
#[server(prefix = "/api", endpoint = "training/quiz")]
pub async fn submit_quiz(
    module: String,
    #[server(default)] answers: BTreeMap<String, String>,
) -> Result<QuizResult, AppError> {
    answer(async {
        let module = domain::vocab::Module::parse(&module).ok_or(AppError::NotFound)?;
        let viewer = crate::auth::session_account().await?;
        let count = domain::training::course(module).quiz.len();
        let by_index: Vec<String> =
            (0..count).map(|i| answers.get(&i.to_string()).cloned().unwrap_or_default()).collect();
        crate::backend::backend()?.submit_quiz(viewer.as_ref(), module, &by_index).await
    })
    .await
}
